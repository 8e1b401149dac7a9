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

}
