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

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The standalone emulator started as {@code java -jar} starts it (the same application,
 * with the same defaults), on a free port: what a backend's own tests run against.
 */
final class RunningEmulator implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private RunningEmulator(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts the emulator on a free port.
	 * @param args command line arguments, as {@code java -jar} would take them
	 * @return the running emulator
	 */
	static RunningEmulator start(String... args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0"));
		all.addAll(List.of(args));
		return new RunningEmulator(EmulatorApplication.application().run(all.toArray(String[]::new)));
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
