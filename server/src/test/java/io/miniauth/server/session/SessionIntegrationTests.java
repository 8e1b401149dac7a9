package io.miniauth.server.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.AtOnce;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions through HTTP: refresh rotation and replay detection, logout, the session list,
 * ending sessions, and the per-user cap.
 */
@TestPropertySource(properties = "miniauth.session.max-per-user=3")
class SessionIntegrationTests extends ServerHttpTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionCleanup cleanup;

	@Test
	void loginWhenSuccessfulThenAnswersRefreshTokenOfAtLeast256Bits() {
		JsonNode login = this.api.login("refresh-shape").json();

		assertThat(login.get("refreshToken").asString()).matches("[A-Za-z0-9_-]{43,}");
		assertThat(login.get("refreshExpiresIn").asLong()).isEqualTo(Duration.ofDays(30).toSeconds());
	}

	@Test
	void refreshTokenWhenStoredThenOnlyAsHash() {
		String refreshToken = this.api.login("hash-only").json().get("refreshToken").asString();

		List<String> stored = this.jdbc.sql("SELECT token_hash FROM refresh_tokens").query(String.class).list();

		assertThat(stored).doesNotContain(refreshToken).contains(RefreshTokens.hash(refreshToken));
	}

	@Test
	void refreshWhenValidThenNewPairAndOldRefreshTokenStopsWorking() {
		JsonNode login = this.api.login("rotator").json();
		this.clock.advance(Duration.ofMinutes(1));

		Reply refreshed = refresh(login.get("refreshToken").asString());

		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(refreshed.header("Cache-Control")).contains("no-store");
		JsonNode body = refreshed.json();
		assertThat(body.has("isNewUser")).isFalse();
		assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(body.get("expiresIn").asLong()).isEqualTo(7200);
		assertThat(body.get("refreshToken").asString()).isNotEqualTo(login.get("refreshToken").asString());
		assertThat(body.get("token").asString()).isNotEqualTo(login.get("token").asString());
		assertThat(body.at("/user/id").asString()).isEqualTo(login.at("/user/id").asString());
		assertThat(me(body.get("token").asString()).status()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(11));
		assertThat(refresh(login.get("refreshToken").asString()).status()).isEqualTo(401);
	}

	@Test
	void refreshWhenUsedTokenReplayedAfterReuseIntervalThenWholeSessionRevoked() {
		JsonNode login = this.api.login("victim-of-theft").json();
		JsonNode rotated = refresh(login.get("refreshToken").asString()).json();
		this.clock.advance(Duration.ofSeconds(11));

		Reply replay = refresh(login.get("refreshToken").asString());

		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.code()).isEqualTo("REFRESH_TOKEN_REUSED");
		assertThat(me(rotated.get("token").asString()).code()).isEqualTo("TOKEN_REVOKED");
		assertThat(me(login.get("token").asString()).code()).isEqualTo("TOKEN_REVOKED");
		Reply legitimate = refresh(rotated.get("refreshToken").asString());
		assertThat(legitimate.status()).isEqualTo(401);
		assertThat(legitimate.code()).isEqualTo("TOKEN_REVOKED");
	}

	@Test
	void refreshWhenSameTokenPresentedAgainWithinReuseIntervalThenSameSuccessor() {
		String refreshToken = this.api.login("flaky-network").json().get("refreshToken").asString();
		JsonNode first = refresh(refreshToken).json();
		this.clock.advance(Duration.ofSeconds(10));

		Reply again = refresh(refreshToken);

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("refreshToken").asString()).isEqualTo(first.get("refreshToken").asString());
		assertThat(me(again.json().get("token").asString()).status()).isEqualTo(200);
		assertThat(refresh(first.get("refreshToken").asString()).status()).isEqualTo(200);
	}

	@Test
	void refreshWhenTwoRequestsRaceWithOneTokenThenBothGetTheSameSuccessor() throws Exception {
		String refreshToken = this.api.login("racer").json().get("refreshToken").asString();
		List<Callable<Reply>> calls = List.of(() -> refresh(refreshToken), () -> refresh(refreshToken),
				() -> refresh(refreshToken), () -> refresh(refreshToken));

		List<Reply> replies = AtOnce.run(calls);

		assertThat(replies).extracting(Reply::status).containsOnly(200);
		assertThat(replies).extracting((reply) -> reply.json().get("refreshToken").asString())
			.containsOnly(replies.get(0).json().get("refreshToken").asString());
	}

	@Test
	void refreshWhenRefreshTokenExpiredThen401RefreshTokenInvalid() {
		String refreshToken = this.api.login("long-gone").json().get("refreshToken").asString();
		this.clock.advance(Duration.ofDays(30));

		Reply reply = refresh(refreshToken);

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.code()).isEqualTo("REFRESH_TOKEN_INVALID");
	}

	@Test
	void refreshWhenRefreshedBeforeExpiryThenLifetimeStartsAnew() {
		String refreshToken = this.api.login("regular").json().get("refreshToken").asString();
		this.clock.advance(Duration.ofDays(29));
		String next = refresh(refreshToken).json().get("refreshToken").asString();
		this.clock.advance(Duration.ofDays(29));

		assertThat(refresh(next).status()).isEqualTo(200);
	}

	@Test
	void refreshWhenUnknownOrMalformedTokenThen401RefreshTokenInvalid() {
		assertThat(refresh("not-a-refresh-token").code()).isEqualTo("REFRESH_TOKEN_INVALID");
		assertThat(refresh("x".repeat(300)).status()).isEqualTo(400);
		assertThat(this.api.post("/user/token/refresh", "{}").status()).isEqualTo(400);
	}

	@Test
	void logoutWhenCalledThen204AndBothTokensRevokedAtOnce() {
		JsonNode login = this.api.login("leaver").json();
		String token = login.get("token").asString();

		Reply logout = this.api.post("/user/logout", "", "Authorization", "Bearer " + token);

		assertThat(logout.status()).isEqualTo(204);
		Reply me = me(token);
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.code()).isEqualTo("TOKEN_REVOKED");
		assertThat(me.header("WWW-Authenticate")).contains("invalid_token");
		Reply refresh = refresh(login.get("refreshToken").asString());
		assertThat(refresh.status()).isEqualTo(401);
		assertThat(refresh.code()).isEqualTo("TOKEN_REVOKED");
	}

	@Test
	void logoutWhenOneDeviceLogsOutThenOtherDevicesStayLoggedIn() {
		String phone = this.api.token("two-devices");
		String tablet = this.api.token("two-devices");

		assertThat(this.api.post("/user/logout", "", "Authorization", "Bearer " + phone).status()).isEqualTo(204);

		assertThat(me(phone).code()).isEqualTo("TOKEN_REVOKED");
		assertThat(me(tablet).status()).isEqualTo(200);
	}

	@Test
	void listSessionsWhenTwoLoginsThenBothWithCurrentFlagAndClientDetails() {
		this.api.post("/user/login", Api.json(Map.of("code", this.api.wxLogin("lister"))), "User-Agent",
				"Mozilla/5.0 MiniProgramEnv/Android");
		String current = this.api.token("lister");

		Reply reply = this.api.get("/user/sessions", "Authorization", "Bearer " + current);

		assertThat(reply.status()).isEqualTo(200);
		List<JsonNode> sessions = list(reply.json().get("sessions"));
		assertThat(sessions).hasSize(2);
		assertThat(sessions).filteredOn((session) -> session.get("current").asBoolean()).hasSize(1);
		assertThat(sessions).extracting((session) -> session.get("userAgent").asString(null))
			.contains("Mozilla/5.0 MiniProgramEnv/Android");
		assertThat(sessions).allSatisfy((session) -> {
			assertThat(session.get("id").asString()).isNotBlank();
			assertThat(session.get("ip").asString()).isEqualTo("127.0.0.1");
			assertThat(session.get("createdAt").asString()).isNotBlank();
			assertThat(session.get("lastUsedAt").asString()).isNotBlank();
		});
	}

	@Test
	void endSessionWhenOwnSessionThen204AndItsTokenRevoked() {
		String other = this.api.token("ender");
		String current = this.api.token("ender");
		String otherId = otherSessionId(current);

		Reply ended = this.api.send("DELETE", "/user/sessions/" + otherId,
				java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + current);

		assertThat(ended.status()).isEqualTo(204);
		assertThat(me(other).code()).isEqualTo("TOKEN_REVOKED");
		assertThat(me(current).status()).isEqualTo(200);
	}

	@Test
	void endSessionWhenSessionOfAnotherUserThen404AndItStaysActive() {
		String victim = this.api.token("not-mine");
		String victimSession = sessions(victim).get(0).get("id").asString();
		String attacker = this.api.token("attacker");

		Reply ended = this.api.send("DELETE", "/user/sessions/" + victimSession,
				java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + attacker);

		assertThat(ended.status()).isEqualTo(404);
		assertThat(ended.code()).isEqualTo("SESSION_NOT_FOUND");
		assertThat(me(victim).status()).isEqualTo(200);
	}

	@Test
	void endSessionWhenAlreadyEndedThen404() {
		this.api.token("ender-twice");
		String current = this.api.token("ender-twice");
		String otherId = otherSessionId(current);
		assertThat(endSession(current, otherId).status()).isEqualTo(204);

		Reply again = endSession(current, otherId);

		assertThat(again.status()).isEqualTo(404);
		assertThat(again.code()).isEqualTo("SESSION_NOT_FOUND");
	}

	@Test
	void endOtherSessionsWhenCalledThenAllButCurrentRevoked() {
		String first = this.api.token("busy");
		String second = this.api.token("busy");
		String current = this.api.token("busy");

		Reply ended = this.api.send("DELETE", "/user/sessions", java.net.http.HttpRequest.BodyPublishers.noBody(),
				"Authorization", "Bearer " + current);

		assertThat(ended.status()).isEqualTo(204);
		assertThat(me(first).code()).isEqualTo("TOKEN_REVOKED");
		assertThat(me(second).code()).isEqualTo("TOKEN_REVOKED");
		assertThat(me(current).status()).isEqualTo(200);
		assertThat(sessions(current)).hasSize(1);
	}

	@Test
	void loginWhenOverSessionCapThenOldestSessionEnded() {
		String oldest = this.api.token("capped");
		this.clock.advance(Duration.ofSeconds(1));
		String second = this.api.token("capped");
		this.clock.advance(Duration.ofSeconds(1));
		String third = this.api.token("capped");
		this.clock.advance(Duration.ofSeconds(1));

		String fourth = this.api.token("capped");

		assertThat(me(oldest).code()).isEqualTo("TOKEN_REVOKED");
		assertThat(me(second).status()).isEqualTo(200);
		assertThat(me(third).status()).isEqualTo(200);
		assertThat(sessions(fourth)).hasSize(3);
	}

	@Test
	void loginWhenManyLoginsOfOneUserRaceThenCapStillHolds() throws Exception {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			codes.add(this.api.wxLogin("stampede"));
		}
		List<Callable<Reply>> calls = codes.stream()
			.<Callable<Reply>>map((code) -> () -> this.api.post("/user/login", Api.json(Map.of("code", code))))
			.toList();

		List<Reply> replies = AtOnce.run(calls);

		assertThat(replies).extracting(Reply::status).containsOnly(200);
		String userId = replies.get(0).json().at("/user/id").asString();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM sessions WHERE user_id = ? AND revoked_at IS NULL")
			.param(userId)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void cleanUpWhenRunThenExpiredRowsGoAndActiveSessionsAndReplayDetectionStay() {
		JsonNode expired = this.api.login("cleanup-expired").json();
		JsonNode ended = this.api.login("cleanup-ended").json();
		this.api.post("/user/logout", "", "Authorization", "Bearer " + ended.get("token").asString());
		this.clock.advance(Duration.ofDays(2));
		JsonNode recentlyExpired = this.api.login("cleanup-recently-expired").json();
		this.clock.advance(Duration.ofDays(30).plusHours(1));
		JsonNode active = this.api.login("cleanup-active").json();
		JsonNode stolen = this.api.login("cleanup-stolen").json();
		String rotated = refresh(stolen.get("refreshToken").asString()).json().get("refreshToken").asString();
		this.clock.advance(Duration.ofSeconds(11));

		this.cleanup.cleanUp();

		assertThat(storedSessions(expired)).isZero();
		assertThat(storedSessions(ended)).isZero();
		assertThat(storedRefreshTokens(recentlyExpired)).isZero();
		assertThat(storedSessions(recentlyExpired)).as("kept for a day after it expired").isOne();
		assertThat(refresh(expired.get("refreshToken").asString()).code()).isEqualTo("REFRESH_TOKEN_INVALID");
		assertThat(me(active.get("token").asString()).status()).isEqualTo(200);
		assertThat(refresh(active.get("refreshToken").asString()).status()).isEqualTo(200);
		Reply replay = refresh(stolen.get("refreshToken").asString());
		assertThat(replay.code()).isEqualTo("REFRESH_TOKEN_REUSED");
		assertThat(refresh(rotated).code()).isEqualTo("TOKEN_REVOKED");
		this.clock.advance(Duration.ofDays(1));
		this.cleanup.cleanUp();
		assertThat(storedSessions(recentlyExpired)).isZero();
	}

	@Test
	void sessionsWhenNoTokenThen401() {
		assertThat(this.api.get("/user/sessions").status()).isEqualTo(401);
		assertThat(this.api.post("/user/logout", "").status()).isEqualTo(401);
	}

	private Reply refresh(String refreshToken) {
		return this.api.post("/user/token/refresh", Api.json(Map.of("refreshToken", refreshToken)));
	}

	private Reply me(String token) {
		return this.api.get("/user/me", "Authorization", "Bearer " + token);
	}

	private Reply endSession(String token, String sessionId) {
		return this.api.send("DELETE", "/user/sessions/" + sessionId, java.net.http.HttpRequest.BodyPublishers.noBody(),
				"Authorization", "Bearer " + token);
	}

	private long storedSessions(JsonNode login) {
		return this.jdbc.sql("SELECT COUNT(*) FROM sessions WHERE user_id = ?")
			.param(login.at("/user/id").asString())
			.query(Long.class)
			.single();
	}

	private long storedRefreshTokens(JsonNode login) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id WHERE s.user_id = ?")
			.param(login.at("/user/id").asString())
			.query(Long.class)
			.single();
	}

	private List<JsonNode> sessions(String token) {
		return list(this.api.get("/user/sessions", "Authorization", "Bearer " + token).json().get("sessions"));
	}

	private String otherSessionId(String currentToken) {
		return sessions(currentToken).stream()
			.filter((session) -> !session.get("current").asBoolean())
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString();
	}

	private static List<JsonNode> list(JsonNode array) {
		List<JsonNode> items = new ArrayList<>();
		array.forEach(items::add);
		return items;
	}

}
