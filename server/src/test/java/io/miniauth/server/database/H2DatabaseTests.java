package io.miniauth.server.database;

import java.util.List;

/**
 * The database contract on the default database, H2 (in memory here, a file in
 * production).
 */
class H2DatabaseTests extends DatabaseContractTests {

	@Override
	List<String> expectedProducts() {
		return List.of("H2");
	}

	@Override
	String expectedVendorFolder() {
		return "h2";
	}

	@Override
	String lockWaitsQuery() {
		return "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
	}

	@Override
	boolean claimsPastLockedRows() {
		// H2 skips the held rows but comes back empty rather than with the others; it is
		// embedded in one instance, which claims one batch at a time
		return false;
	}

}
