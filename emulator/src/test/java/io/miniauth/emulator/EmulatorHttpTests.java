package io.miniauth.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.miniauth.emulator.app.EmulatedApp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that talk to the emulator over a real socket, as a backend would.
 */
@SpringBootTest(classes = EmulatorTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EmulatorHttpTests {

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	protected final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	protected int port;

	@Autowired
	protected MutableClock clock;

	protected static String newUser() {
		return "user-" + UUID.randomUUID();
	}

	protected URI uri(String pathAndQuery) {
		return URI.create("http://localhost:" + this.port + pathAndQuery);
	}

	protected static String query(Map<String, String> params) {
		return params.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	protected static Map<String, String> params(String... keysAndValues) {
		Map<String, String> params = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			params.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return params;
	}

	protected HttpResponse<String> get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
	}

	protected HttpResponse<String> post(String path, String contentType, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	protected HttpResponse<String> postJson(String path, Object body) {
		return post(path, "application/json", (body instanceof String text) ? text : JSON.writeValueAsString(body));
	}

	protected HttpResponse<String> put(String path, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	protected HttpResponse<String> delete(String path) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE());
	}

	protected HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	protected static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/** Logs the user in on the phone and returns {@code {"code","openid"}}. */
	protected JsonNode wxLogin(String user, EmulatedApp app) {
		return json(postJson("/emulator/wx/login", Map.of("user", user, "appid", app.appid())));
	}

	protected HttpResponse<String> code2Session(EmulatedApp app, String code) {
		return get("/emulator/sns/jscode2session?" + query(params("appid", app.appid(), "secret", app.secret(),
				"js_code", code, "grant_type", "authorization_code")));
	}

	protected String accessToken(EmulatedApp app) {
		return json(get("/emulator/cgi-bin/token?"
				+ query(params("grant_type", "client_credential", "appid", app.appid(), "secret", app.secret()))))
			.path("access_token")
			.asString();
	}

}
