package io.miniauth.server.operator;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;

/**
 * Talks to the admin API as the console in a browser does: with the session cookie, and
 * with the CSRF token from the {@code XSRF-TOKEN} cookie in {@code X-XSRF-TOKEN} on
 * changes (unless told not to).
 */
public final class Console {

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(this.cookies).build();

	private final String baseUrl;

	public Console(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	/**
	 * Loads the console (which sets the CSRF cookie), then signs in.
	 * @return the sign-in answer
	 */
	public Reply signIn(String username, String password) {
		get("/admin/api/setup");
		return send("POST", "/admin/api/session", Api.json(Map.of("username", username, "password", password)), true);
	}

	public Reply get(String path) {
		return send("GET", path, null, false);
	}

	public Reply send(String method, String path, String json, boolean withCsrf) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(60))
			.method(method, (json != null) ? BodyPublishers.ofString(json) : BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		String csrf = cookie("XSRF-TOKEN");
		if (withCsrf && csrf != null) {
			request.header("X-XSRF-TOKEN", csrf);
		}
		try {
			var response = this.http.send(request.build(), BodyHandlers.ofString());
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

	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

}
