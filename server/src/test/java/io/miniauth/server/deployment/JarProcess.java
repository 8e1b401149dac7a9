package io.miniauth.server.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged jar (the server or the standalone emulator) running in a JVM of its own, as
 * an operator would start it: {@code java -jar}, configured by environment variables. Its
 * output goes to a log file under {@code target/deployment-logs}, which a failed start
 * quotes.
 */
final class JarProcess implements AutoCloseable {

	private static final Path LOG_DIR = Path.of("target", "deployment-logs").toAbsolutePath();

	private final String name;

	private final int port;

	private final Path log;

	private final Process process;

	private JarProcess(String name, int port, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.process = process;
	}

	/**
	 * Starts a jar on a free loopback port. Does not wait for it to be ready.
	 * @param name a name for the log file and messages
	 * @param jar the jar, named by a system property that the build sets
	 * @param environment the settings, as environment variables
	 * @return the running process
	 */
	static JarProcess start(String name, Path jar, Map<String, String> environment) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " does not exist: build it first with ./mvnw -DskipTests package");
		}
		try {
			Files.createDirectories(LOG_DIR);
			int port = freePort();
			Path log = LOG_DIR.resolve(name + ".log");
			List<String> command = new ArrayList<>();
			command.add(ProcessHandle.current().info().command().orElse("java"));
			// small heaps and fast start: three JVMs share two cores here
			command.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.directory(Files.createTempDirectory(LOG_DIR, name + "-").toFile());
			builder.environment().putAll(environment);
			builder.environment().put("SERVER_PORT", Integer.toString(port));
			builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
			Process process = builder.start();
			// a test JVM that is killed or ends early takes its jars with it
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-stop"));
			return new JarProcess(name, port, log, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until the given path answers 200, or fails with the end of the log.
	 * @param path the path to poll, such as {@code /actuator/health/readiness}
	 * @param timeout how long to wait
	 * @return this process
	 */
	JarProcess awaitReady(String path, Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + ":\n" + tail());
			}
			try {
				HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path))
					.timeout(Duration.ofSeconds(2))
					.build();
				if (http.send(request, BodyHandlers.discarding()).statusCode() == 200) {
					return this;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			pause(Duration.ofMillis(200));
		}
		throw new IllegalStateException(this.name + " was not ready within " + timeout + ":\n" + tail());
	}

	int port() {
		return this.port;
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * The process's output so far.
	 * @return the log
	 */
	String output() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Kills the process at once ({@code SIGKILL}, as {@code kill -9} does): no shutdown
	 * hook runs and nothing is flushed.
	 */
	void kill() {
		this.process.destroyForcibly();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				throw new IllegalStateException(this.name + " did not die");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String tail() {
		List<String> lines = output().lines().toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
