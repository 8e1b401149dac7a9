package io.miniauth.server.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.miniauth.server.support.TestDatabases;

/**
 * What the deployment tests share: where the packaged jars are (the build names them in
 * system properties) and how a database is handed to an instance.
 */
final class Deployment {

	/** Where the deployment tests keep the data of the servers they start. */
	static final Path WORK_DIR = Path.of("target", "deployment-databases").toAbsolutePath();

	/** How long a JVM may take to start on a busy two-core machine. */
	static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private Deployment() {
	}

	static Path serverJar() {
		return jar("miniauth.server.jar");
	}

	static Path emulatorJar() {
		return jar("miniauth.emulator.jar");
	}

	/**
	 * The settings that point an instance at a database, as environment variables.
	 * @param server the database server
	 * @param url the database's JDBC URL, without credentials
	 * @return the variables
	 */
	static Map<String, String> datasource(TestDatabases.Server server, String url) {
		return Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", server.username(),
				"SPRING_DATASOURCE_PASSWORD", server.password());
	}

	/**
	 * A new, empty folder for a server's data, under {@link #WORK_DIR}.
	 * @param prefix how its name begins
	 * @return the folder
	 */
	static Path newDataDir(String prefix) {
		try {
			Files.createDirectories(WORK_DIR);
			return Files.createTempDirectory(WORK_DIR, prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stops what a test started, all of it even when one fails to stop.
	 * @param running the processes and servers, in the order to stop them
	 */
	static void closeAll(AutoCloseable... running) {
		for (AutoCloseable closeable : running) {
			try {
				if (closeable != null) {
					closeable.close();
				}
			}
			catch (Exception ex) {
				// stopping the rest matters more
			}
		}
	}

	private static Path jar(String property) {
		String jar = System.getProperty(property);
		if (jar == null) {
			throw new IllegalStateException("The system property " + property
					+ " names the jar to start; run these tests with ./mvnw verify, which sets it");
		}
		return Path.of(jar);
	}

}
