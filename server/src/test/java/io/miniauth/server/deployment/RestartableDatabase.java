package io.miniauth.server.deployment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A real database server that a test can stop and start again on the same port, with its
 * data, as an operator's restart or a failover would.
 */
interface RestartableDatabase extends AutoCloseable {

	void stop();

	void start();

	/**
	 * The URL of the database the service uses, without credentials.
	 * @return the JDBC URL
	 */
	String jdbcUrl();

	String username();

	default Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), username(), "");
	}

	@Override
	default void close() {
		stop();
	}

}
