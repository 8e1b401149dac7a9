package io.miniauth.examples.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The packaged MiniAuth server, started as an operator would ({@code java -jar}, in demo
 * mode with its embedded emulator), on a free loopback port.
 */
final class MiniAuthJar implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private MiniAuthJar(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static MiniAuthJar start(Map<String, String> environment) {
		Path jar = Path.of(System.getProperty("miniauth.server.jar", "../../server/target/miniauth-server.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " does not exist: build it first with ./mvnw -DskipTests package");
		}
		try {
			int port = freePort();
			Path dir = Files.createDirectories(Path.of("target", "miniauth-jar")).toAbsolutePath();
			Path log = dir.resolve("miniauth.log");
			ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
					"-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toAbsolutePath().toString())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.directory(Files.createTempDirectory(dir, "run-").toFile());
			builder.environment().putAll(environment);
			builder.environment().put("SERVER_PORT", Integer.toString(port));
			builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
			Process process = builder.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
			MiniAuthJar started = new MiniAuthJar(process, port, log);
			started.awaitReady();
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	private void awaitReady() throws IOException {
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("MiniAuth stopped: " + tail());
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(url().resolve("/.well-known/jwks.json")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("MiniAuth did not start in 120 s: " + tail());
	}

	private String tail() throws IOException {
		List<String> lines = Files.readAllLines(this.log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
