package io.miniauth.server.revocation;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What business backends use to refuse the tokens of ended sessions: the revocation feed
 * and introspection, through HTTP, with an operator API key.
 */
@TestPropertySource(properties = "miniauth.admin.api-keys=feed-test-key")
class RevocationFeedIntegrationTests extends ServerHttpTests {

	private static final String KEY = "Bearer feed-test-key";

	@Test
	void revocationsWhenSessionLoggedOutThenFeedListsItWithReasonAndTokenLifetime() {
		JsonNode login = this.api.login("feed-logout").json();
		String token = login.get("token").asString();
		String sessionId = sessionOf(token);
		String before = feed("").get("next").asString();
		assertThat(this.api.post("/user/logout", "", "Authorization", "Bearer " + token).status()).isEqualTo(204);

		JsonNode page = feed(before);

		JsonNode revocation = find(page, sessionId);
		assertThat(revocation).isNotNull();
		assertThat(revocation.get("reason").asString()).isEqualTo("logout");
		assertThat(revocation.get("userId").asString()).isEqualTo(login.get("user").get("id").asString());
		Instant endedAt = Instant.parse(revocation.get("endedAt").asString());
		assertThat(Instant.parse(revocation.get("tokensValidUntil").asString()))
			.isEqualTo(endedAt.plus(Duration.ofHours(2)));
		assertThat(page.get("more").asBoolean()).isFalse();
	}

	@Test
	void revocationsWhenReadAgainFromNextCursorAfterSettlingThenEndedSessionNotRepeated() {
		String token = this.api.token("feed-cursor");
		String sessionId = sessionOf(token);
		this.api.post("/user/logout", "", "Authorization", "Bearer " + token);
		JsonNode first = feed("");
		assertThat(find(first, sessionId)).isNotNull();
		this.clock.advance(Duration.ofSeconds(3));
		JsonNode settled = feed(feed(first.get("next").asString()).get("next").asString());
		assertThat(find(settled, sessionId)).isNull();
	}

	@Test
	void revocationsWhenSessionEndedLongerThanTokenLifetimeAgoThenGone() {
		String token = this.api.token("feed-old");
		String sessionId = sessionOf(token);
		this.api.post("/user/logout", "", "Authorization", "Bearer " + token);
		this.clock.advance(Duration.ofHours(2).plusSeconds(1));
		assertThat(find(feed(""), sessionId)).isNull();
	}

	@Test
	void revocationsWhenNoApiKeyThenUnauthorized() {
		Reply reply = this.api.get("/admin/api/revocations");
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
		assertThat(this.api.get("/admin/api/revocations", "Authorization", "Bearer " + this.api.token("feed-user"))
			.status()).isEqualTo(401);
	}

	@Test
	void revocationsWhenCursorMalformedThenInvalidRequest() {
		Reply reply = this.api.get("/admin/api/revocations?since=yesterday", "Authorization", KEY);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("INVALID_REQUEST");
	}

	@Test
	void introspectWhenTokenActiveThenClaimsAndAfterLogoutInactive() {
		JsonNode login = this.api.login("introspect-me").json();
		String token = login.get("token").asString();

		JsonNode active = introspect(token, KEY).json();

		assertThat(active.get("active").asBoolean()).isTrue();
		assertThat(active.get("sub").asString()).isEqualTo(login.get("user").get("id").asString());
		assertThat(active.get("aud").asString()).isEqualTo(login.get("user").get("appid").asString());
		assertThat(active.get("sid").asString()).isEqualTo(sessionOf(token));
		assertThat(active.get("iss").asString()).isEqualTo("miniauth");
		assertThat(active.get("exp").asLong() - active.get("iat").asLong()).isEqualTo(7200);

		this.api.post("/user/logout", "", "Authorization", "Bearer " + token);
		JsonNode inactive = introspect(token, KEY).json();
		assertThat(inactive.get("active").asBoolean()).isFalse();
		assertThat(inactive.size()).isEqualTo(1);
	}

	@Test
	void introspectWhenTokenForgedOrExpiredThenInactive() {
		String token = this.api.token("introspect-expired");
		assertThat(introspect(token + "x", KEY).json().get("active").asBoolean()).isFalse();
		this.clock.advance(Duration.ofHours(2).plusSeconds(1));
		assertThat(introspect(token, KEY).json().get("active").asBoolean()).isFalse();
	}

	@Test
	void introspectWhenNoApiKeyThenUnauthorizedAndNoTokenThenInvalidRequest() {
		String token = this.api.token("introspect-nokey");
		assertThat(introspect(token, null).status()).isEqualTo(401);
		assertThat(introspect(token, "Bearer " + token).status()).isEqualTo(401);
		Reply missing = this.api.send("POST", "/oauth2/introspect", BodyPublishers.ofString("token="), "Authorization",
				KEY, "Content-Type", "application/x-www-form-urlencoded");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.code()).isEqualTo("INVALID_REQUEST");
	}

	private Reply introspect(String token, String authorization) {
		String body = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
		if (authorization == null) {
			return this.api.send("POST", "/oauth2/introspect", BodyPublishers.ofString(body), "Content-Type",
					"application/x-www-form-urlencoded");
		}
		return this.api.send("POST", "/oauth2/introspect", BodyPublishers.ofString(body), "Authorization",
				authorization, "Content-Type", "application/x-www-form-urlencoded");
	}

	private JsonNode feed(String since) {
		Reply reply = this.api.get("/admin/api/revocations?since=" + URLEncoder.encode(since, StandardCharsets.UTF_8),
				"Authorization", KEY);
		assertThat(reply.status()).isEqualTo(200);
		return reply.json();
	}

	private static JsonNode find(JsonNode page, String sessionId) {
		for (JsonNode revocation : page.get("revocations")) {
			if (revocation.get("sessionId").asString().equals(sessionId)) {
				return revocation;
			}
		}
		return null;
	}

	private String sessionOf(String token) {
		JsonNode sessions = this.api.get("/user/sessions", "Authorization", "Bearer " + token).json();
		for (JsonNode session : sessions.get("sessions")) {
			if (session.get("current").asBoolean()) {
				return session.get("id").asString();
			}
		}
		throw new AssertionError("no current session in " + sessions);
	}

}
