package io.miniauth.server.database;

import java.util.List;

import io.miniauth.server.support.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database contract over the MariaDB driver ({@code jdbc:mariadb:}, Flyway's
 * {@code db/vendor/mariadb}), on the embedded MariaDB or {@code MINIAUTH_TEST_MYSQL_URL}.
 */
class MariaDbDatabaseTests extends MySqlFamilyDatabaseTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.Server server = TestDatabases.mysql();
		server.register(registry, TestDatabases.Server.withScheme(server.createDatabase(), "jdbc:mariadb:"));
	}

	@Override
	List<String> expectedProducts() {
		// the MariaDB driver names the server it reaches
		return List.of("MariaDB", "MySQL");
	}

	@Override
	String expectedVendorFolder() {
		return "mariadb";
	}

}
