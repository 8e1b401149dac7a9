package io.miniauth.server.database;

import java.util.List;

import io.miniauth.server.support.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database contract over MySQL Connector/J ({@code jdbc:mysql:}, Flyway's
 * {@code db/vendor/mysql}), on the embedded MariaDB or {@code MINIAUTH_TEST_MYSQL_URL}.
 */
class MySqlConnectorDatabaseTests extends MySqlFamilyDatabaseTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.Server server = TestDatabases.mysql();
		server.register(registry, TestDatabases.Server.withScheme(server.createDatabase(), "jdbc:mysql:"));
	}

	@Override
	List<String> expectedProducts() {
		return List.of("MySQL");
	}

	@Override
	String expectedVendorFolder() {
		return "mysql";
	}

}
