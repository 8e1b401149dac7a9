package io.miniauth.server.operator;

import java.util.List;
import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator realm through HTTP: console sign-in with a session cookie and CSRF, API
 * keys with roles, the throttle, and that the mini program API is left as it was.
 */
@TestPropertySource(properties = { "miniauth.admin.api-keys=static-admin-key-for-tests",
		"miniauth.admin.bootstrap-password=first-admin-password", "miniauth.admin.sign-in-per-account=3/5m" })
class OperatorRealmIntegrationTests extends ServerHttpTests {

	static final String STATIC_KEY = "static-admin-key-for-tests";

	static final String PASSWORD = "first-admin-password";

	@Autowired
	JdbcClient jdbc;

	/** Each test signs in as its own operator: the throttle counts per username. */
	String operator(String username, String role) {
		Reply created = this.api.post("/admin/api/operators",
				Api.json(Map.of("username", username, "password", PASSWORD, "role", role)), "Authorization",
				"Bearer " + STATIC_KEY);
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	@Test
	void signInWhenPasswordRightThenHttpOnlyStrictSessionCookieForAdminOnly() {
		Console console = new Console(this.port);

		Reply signedIn = console.signIn("admin", PASSWORD);

		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(signedIn.json().get("role").asString()).isEqualTo("admin");
		String setCookie = signedIn.headers()
			.getOrDefault("set-cookie", List.of())
			.stream()
			.filter((cookie) -> cookie.startsWith("MINIAUTH_CONSOLE="))
			.findFirst()
			.orElseThrow();
		assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/admin");
		assertThat(console.get("/admin/api/session").json().get("username").asString()).isEqualTo("admin");
	}

	@Test
	void signInWhenPasswordWrongThen401AndRecorded() {
		operator("mistyper", "viewer");

		Reply refused = new Console(this.port).signIn("mistyper", "not-the-password");

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.code()).isEqualTo("SIGN_IN_FAILED");
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM operator_events WHERE action = 'SIGN_IN' AND outcome = 'SIGN_IN_FAILED'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void signInWhenTooManyAttemptsForAccountThen429EvenWithRightPassword() {
		operator("throttled", "admin");
		Console console = new Console(this.port);
		for (int i = 0; i < 3; i++) {
			console.signIn("throttled", "wrong-password-" + i);
		}

		Reply throttled = console.signIn("throttled", PASSWORD);

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.code()).isEqualTo("RATE_LIMITED");
		assertThat(throttled.header("Retry-After")).isNotBlank();
	}

	@Test
	void changeWhenSessionCookieWithoutCsrfTokenThen403() {
		operator("csrf-checker", "admin");
		Console console = new Console(this.port);
		console.signIn("csrf-checker", PASSWORD);

		Reply refused = console.send("POST", "/admin/api/api-keys", Api.json(Map.of("name", "x", "role", "viewer")),
				false);
		Reply accepted = console.send("POST", "/admin/api/api-keys", Api.json(Map.of("name", "x", "role", "viewer")),
				true);

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("CSRF_INVALID");
		assertThat(accepted.status()).isEqualTo(201);
	}

	@Test
	void signOutThenSessionRefusedAtOnce() {
		operator("leaving-for-lunch", "viewer");
		Console console = new Console(this.port);
		console.signIn("leaving-for-lunch", PASSWORD);

		Reply signedOut = console.send("DELETE", "/admin/api/session", null, true);

		assertThat(signedOut.status()).isEqualTo(204);
		assertThat(console.get("/admin/api/users").status()).isEqualTo(401);
	}

	@Test
	void adminApiWhenNoCredentialsThen401Problem() {
		Reply refused = this.api.get("/admin/api/users");

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.code()).isEqualTo("UNAUTHORIZED");
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void adminApiWhenMiniProgramAccessTokenThen401OnEveryRoute() {
		String token = this.api.token("not-an-operator");
		String userId = this.jdbc.sql("SELECT id FROM users").query(String.class).list().get(0);

		for (String route : List.of("GET /admin/api/users", "GET /admin/api/users/" + userId,
				"GET /admin/api/users/export", "GET /admin/api/users/" + userId + "/sessions",
				"DELETE /admin/api/users/" + userId + "/sessions", "DELETE /admin/api/users/" + userId + "/sessions/x",
				"GET /admin/api/events", "GET /admin/api/stats", "GET /admin/api/apps", "GET /admin/api/audit",
				"GET /admin/api/operators", "GET /admin/api/api-keys", "GET /admin/api/session",
				"GET /admin/api/health")) {
			String[] methodAndPath = route.split(" ");
			Reply reply = this.api.send(methodAndPath[0], methodAndPath[1],
					java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + token);
			assertThat(reply.status()).as(route).isEqualTo(401);
			assertThat(reply.code()).as(route).isEqualTo("UNAUTHORIZED");
		}
	}

	@Test
	void apiKeyWhenCreatedThenShownOnceStoredHashedAndCarriesItsRole() {
		Reply created = this.api.post("/admin/api/api-keys", Api.json(Map.of("name", "reporting", "role", "viewer")),
				"Authorization", "Bearer " + STATIC_KEY);
		String key = created.json().get("key").asString();

		Reply listed = this.api.get("/admin/api/api-keys", "Authorization", "Bearer " + STATIC_KEY);
		Reply read = this.api.get("/admin/api/users", "Authorization", "Bearer " + key);
		Reply change = this.api.send("DELETE", "/admin/api/users/any/sessions",
				java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + key);

		assertThat(created.status()).isEqualTo(201);
		assertThat(key).startsWith("mak_");
		assertThat(listed.body()).doesNotContain(key).contains("reporting");
		assertThat(this.jdbc.sql("SELECT key_hash FROM operator_api_keys").query(String.class).list())
			.doesNotContain(key);
		assertThat(read.status()).isEqualTo(200);
		assertThat(change.status()).isEqualTo(403);
		assertThat(change.code()).isEqualTo("FORBIDDEN");
	}

	@Test
	void apiKeyWhenRevokedThen401() {
		Reply created = this.api.post("/admin/api/api-keys", Api.json(Map.of("name", "short-lived", "role", "admin")),
				"Authorization", "Bearer " + STATIC_KEY);
		String key = created.json().get("key").asString();
		String id = created.json().get("apiKey").get("id").asString();

		this.api.send("DELETE", "/admin/api/api-keys/" + id, java.net.http.HttpRequest.BodyPublishers.noBody(),
				"Authorization", "Bearer " + STATIC_KEY);

		assertThat(this.api.get("/admin/api/users", "Authorization", "Bearer " + key).status()).isEqualTo(401);
	}

	@Test
	void viewerWhenSignedInThenReadsButCannotManageOperators() {
		operator("support", "viewer");
		Console viewer = new Console(this.port);
		viewer.signIn("support", PASSWORD);

		assertThat(viewer.get("/admin/api/users").status()).isEqualTo(200);
		assertThat(viewer.get("/admin/api/operators").status()).isEqualTo(403);
		assertThat(viewer.send("POST", "/admin/api/api-keys", Api.json(Map.of("name", "y", "role", "admin")), true)
			.status()).isEqualTo(403);
	}

	@Test
	void operatorWhenDeletedThenTheirConsoleSessionEnds() {
		String id = operator("leaver", "admin");
		Console leaver = new Console(this.port);
		leaver.signIn("leaver", PASSWORD);

		this.api.send("DELETE", "/admin/api/operators/" + id, java.net.http.HttpRequest.BodyPublishers.noBody(),
				"Authorization", "Bearer " + STATIC_KEY);

		assertThat(leaver.get("/admin/api/users").status()).isEqualTo(401);
	}

	@Test
	void operatorsWhenUsernameTakenOrUnknownThenConflictAndNotFound() {
		operator("twin", "viewer");

		Reply again = this.api.post("/admin/api/operators",
				Api.json(Map.of("username", "twin", "password", PASSWORD, "role", "admin")), "Authorization",
				"Bearer " + STATIC_KEY);
		Reply unknown = this.api.send("DELETE", "/admin/api/operators/no-such-operator",
				java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + STATIC_KEY);
		Reply unknownKey = this.api.send("DELETE", "/admin/api/api-keys/no-such-key",
				java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + STATIC_KEY);

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("OPERATOR_EXISTS");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("OPERATOR_NOT_FOUND");
		assertThat(unknownKey.status()).isEqualTo(404);
		assertThat(unknownKey.code()).isEqualTo("API_KEY_NOT_FOUND");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM operators WHERE username = 'twin'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void operatorsWhenAdminDeletesThemselvesThenConflictAndStillThere() {
		String id = operator("lonely-admin", "admin");
		Console admin = new Console(this.port);
		admin.signIn("lonely-admin", PASSWORD);

		Reply refused = admin.send("DELETE", "/admin/api/operators/" + id, null, true);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("OPERATOR_CONFLICT");
		assertThat(admin.get("/admin/api/users").status()).isEqualTo(200);
	}

	@Test
	void passwordWhenStoredThenOnlyAsAdaptiveHash() {
		String hash = this.jdbc.sql("SELECT password_hash FROM operators WHERE username = 'admin'")
			.query(String.class)
			.single();

		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
	}

	@Test
	void miniProgramApiWhenCalledThenNoCookieNoCsrfAndNoAddedHeaders() {
		Reply login = this.api.login("plain-user");
		String token = login.json().get("token").asString();

		Reply me = this.api.get("/user/me", "Authorization", "Bearer " + token);
		Reply patched = this.api.patch("/user/me", Api.json(Map.of("nickName", "x")), "Authorization",
				"Bearer " + token);

		for (Reply reply : List.of(login, me, patched)) {
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.headers().keySet()).map(String::toLowerCase)
				.doesNotContain("set-cookie", "x-frame-options", "x-xss-protection", "content-security-policy",
						"pragma", "expires");
			// the service's own headers, not Spring Security's
			assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
		}
		assertThat(me.header("Cache-Control")).isEqualTo("no-store");
	}

}
