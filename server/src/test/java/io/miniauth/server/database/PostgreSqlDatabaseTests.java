package io.miniauth.server.database;

import java.util.List;

import io.miniauth.server.support.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database contract on PostgreSQL (embedded, or {@code MINIAUTH_TEST_POSTGRES_URL}).
 */
class PostgreSqlDatabaseTests extends DatabaseContractTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres().register(registry);
	}

	@Override
	List<String> expectedProducts() {
		return List.of("PostgreSQL");
	}

	@Override
	String expectedVendorFolder() {
		return "postgresql";
	}

	@Override
	String lockWaitsQuery() {
		return "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()";
	}

}
