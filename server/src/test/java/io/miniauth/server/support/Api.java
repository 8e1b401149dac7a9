package io.miniauth.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a running MiniAuth over real HTTP, as a mini program would.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	public Api(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	public Reply get(String path, String... headers) {
		return send(request(path, headers).GET());
	}

	public Reply post(String path, String json, String... headers) {
		return send(
				request(path, headers).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
	}

	public Reply patch(String path, String json, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.method("PATCH", BodyPublishers.ofString(json)));
	}

	public Reply send(String method, String path, BodyPublisher body, String... headers) {
		return send(request(path, headers).method(method, body));
	}

	/**
	 * Stands in for {@code wx.login()} on a phone: a fresh code from the emulator.
	 * @param user the person's handle
	 * @return the code
	 */
	public String wxLogin(String user) {
		return post("/emulator/wx/login", json(Map.of("user", user))).json().get("code").asString();
	}

	public String wxLogin(String user, String appid) {
		return post("/emulator/wx/login", json(Map.of("user", user, "appid", appid))).json().get("code").asString();
	}

	/**
	 * Logs a person in with a fresh code and returns the answer, which must be 200.
	 * @param user the person's handle
	 * @return the login answer
	 */
	public Reply login(String user) {
		Reply reply = post("/user/login", json(Map.of("code", wxLogin(user))));
		if (reply.status() != 200) {
			throw new AssertionError("login failed: " + reply);
		}
		return reply;
	}

	public String token(String user) {
		return login(user).json().get("token").asString();
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	private HttpRequest.Builder request(String path, String... headers) {
		// a service that hangs fails the test instead of the whole build
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(60));
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder;
	}

	private Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An HTTP answer.
	 *
	 * @param status the status code
	 * @param headers the headers
	 * @param body the body as text
	 */
	public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		public String code() {
			return json().path("code").asString(null);
		}

	}

}
