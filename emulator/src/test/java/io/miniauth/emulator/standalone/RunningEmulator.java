package io.miniauth.emulator.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The standalone emulator started as {@code java -jar} starts it (the same application,
 * with the same defaults), on a free port: what a backend's own tests run against. As a
 * static {@code @RegisterExtension} field it runs for the test class.
 */
final class RunningEmulator implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

	private final String[] args;

	private ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private RunningEmulator(String... args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0"));
		all.addAll(List.of(args));
		this.args = all.toArray(String[]::new);
	}

	/**
	 * The emulator for a test class, started before its tests and stopped after them.
	 * @return the emulator, not started yet
	 */
	static RunningEmulator forTestClass() {
		return new RunningEmulator();
	}

	/**
	 * Starts the emulator on a free port now.
	 * @param args command line arguments, as {@code java -jar} would take them
	 * @return the running emulator
	 */
	static RunningEmulator start(String... args) {
		RunningEmulator emulator = new RunningEmulator(args);
		emulator.start();
		return emulator;
	}

	private void start() {
		this.context = EmulatorApplication.application().run(this.args);
	}

	@Override
	public void beforeAll(ExtensionContext extension) {
		start();
	}

	@Override
	public void afterAll(ExtensionContext extension) {
		close();
	}

	int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	/** The address to put where a client has {@code https://api.weixin.qq.com}. */
	String url() {
		return "http://127.0.0.1:" + port();
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(url() + path)).GET());
	}

	HttpResponse<String> post(String path, String contentType, String body) {
		return send(HttpRequest.newBuilder(URI.create(url() + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	HttpResponse<String> put(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(url() + path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	HttpResponse<String> delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(url() + path)).DELETE());
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

}
