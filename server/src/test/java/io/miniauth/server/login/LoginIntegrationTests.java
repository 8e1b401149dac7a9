package io.miniauth.server.login;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.miniauth.server.app.DemoApp;
import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.AtOnce;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /user/login} through HTTP, with the embedded emulator as WeChat.
 */
class LoginIntegrationTests extends ServerHttpTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void loginWhenFirstLoginThenCreatesUserAndAnswersToken() {
		Reply reply = this.api.post("/user/login", Api.json(Map.of("code", this.api.wxLogin("first-login"))));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("Cache-Control")).contains("no-store");
		JsonNode body = reply.json();
		assertThat(body.get("msg").asString()).isNotBlank();
		assertThat(body.get("token").asString()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
		assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(body.get("expiresIn").asLong()).isEqualTo(7200);
		assertThat(body.get("isNewUser").asBoolean()).isTrue();
		JsonNode user = body.get("user");
		assertThat(user.get("id").asString()).hasSizeGreaterThanOrEqualTo(32);
		assertThat(user.get("appid").asString()).isEqualTo(DemoApp.APP.appid());
		assertThat(user.get("openid").asString()).startsWith("o").hasSize(28);
		assertThat(user.get("unionid").asString()).startsWith("o").hasSize(28);
		assertThat(user.has("nickName")).isTrue();
		assertThat(user.get("createdAt").asString()).isNotBlank();
		assertThat(user.get("lastLoginAt").asString()).isNotBlank();
	}

	@Test
	void loginWhenSamePersonLogsInAgainThenSameUserIsNotNew() {
		JsonNode first = this.api.login("returning").json();
		this.clock.advance(Duration.ofMinutes(1));

		JsonNode second = this.api.login("returning").json();

		assertThat(second.get("isNewUser").asBoolean()).isFalse();
		assertThat(second.at("/user/id").asString()).isEqualTo(first.at("/user/id").asString());
		assertThat(second.at("/user/lastLoginAt").asString()).isNotEqualTo(first.at("/user/lastLoginAt").asString());
		assertThat(second.at("/user/createdAt").asString()).isEqualTo(first.at("/user/createdAt").asString());
	}

	@Test
	void loginWhenTwoPeopleThenTwoUsersWithDistinctNonSequentialIds() {
		String a = this.api.login("person-a").json().at("/user/id").asString();
		String b = this.api.login("person-b").json().at("/user/id").asString();

		assertThat(a).isNotEqualTo(b);
		assertThat(a).doesNotMatch("\\d+");
	}

	@Test
	void loginWhenCodeRepeatedWithinWindowThenSameUserSessionAndRefreshToken() throws Exception {
		String code = this.api.wxLogin("double-tap");
		JsonNode first = this.api.post("/user/login", Api.json(Map.of("code", code))).json();
		this.clock.advance(Duration.ofSeconds(29));

		Reply second = this.api.post("/user/login", Api.json(Map.of("code", code)));

		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().at("/user/id").asString()).isEqualTo(first.at("/user/id").asString());
		assertThat(second.json().get("refreshToken").asString()).isEqualTo(first.get("refreshToken").asString());
		assertThat(sid(second.json())).isEqualTo(sid(first));
		assertThat(second.json().get("isNewUser").asBoolean()).isTrue();
	}

	@Test
	void loginWhenCodeRepeatedByAnotherClientWithinWindowThen400CodeAlreadyUsed() {
		String code = this.api.wxLogin("intercepted");
		JsonNode first = this.api.post("/user/login", Api.json(Map.of("code", code)), "User-Agent", "victim-phone")
			.json();

		Reply thief = this.api.post("/user/login", Api.json(Map.of("code", code)), "User-Agent", "thief");
		Reply victim = this.api.post("/user/login", Api.json(Map.of("code", code)), "User-Agent", "victim-phone");

		assertThat(thief.status()).isEqualTo(400);
		assertThat(thief.code()).isEqualTo("CODE_ALREADY_USED");
		assertThat(thief.body()).doesNotContain(first.get("refreshToken").asString());
		assertThat(victim.status()).isEqualTo(200);
		assertThat(victim.json().get("refreshToken").asString()).isEqualTo(first.get("refreshToken").asString());
	}

	@Test
	void loginThenTheUsersLoginEventNamesTheSessionItStarted() {
		String token = this.api.token("event-session");

		String sessionId = currentSessionId(token);
		List<JsonNode> events = events(token);

		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.get("event").asString()).isEqualTo("login");
			assertThat(event.get("outcome").asString()).isEqualTo("ok");
			assertThat(event.get("sessionId").asString()).isEqualTo(sessionId);
		});
	}

	@Test
	void loginWhenCodeRepeatedWithinWindowThenBothLoginEventsNameTheOneSession() {
		String code = this.api.wxLogin("event-double-tap");
		assertThat(this.api.post("/user/login", Api.json(Map.of("code", code))).status()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(1));
		String token = this.api.post("/user/login", Api.json(Map.of("code", code))).json().get("token").asString();

		String sessionId = currentSessionId(token);
		List<JsonNode> events = events(token);

		assertThat(events).hasSize(2).allSatisfy((event) -> {
			assertThat(event.get("event").asString()).isEqualTo("login");
			assertThat(event.get("sessionId").asString()).isEqualTo(sessionId);
		});
	}

	@Test
	void loginWhenCodeRepeatedAfterWindowThen400CodeAlreadyUsed() {
		String code = this.api.wxLogin("double-submit");
		assertThat(this.api.post("/user/login", Api.json(Map.of("code", code))).status()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(31));

		Reply second = this.api.post("/user/login", Api.json(Map.of("code", code)));

		assertThat(second.status()).isEqualTo(400);
		assertThat(second.header("Content-Type")).startsWith("application/problem+json");
		assertThat(second.code()).isEqualTo("CODE_ALREADY_USED");
		assertThat(second.json().get("msg").asString()).isNotBlank();
	}

	@Test
	void loginWhenCodeUnknownThen400InvalidCode() {
		Reply reply = this.api.post("/user/login", Api.json(Map.of("code", "0abcdefghijklmnopqrstuvwxyzABCDE")));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("INVALID_CODE");
	}

	@Test
	void loginWhenCodeOlderThanFiveMinutesThen400InvalidCode() {
		String code = this.api.wxLogin("slow-phone");
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));

		Reply reply = this.api.post("/user/login", Api.json(Map.of("code", code)));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("INVALID_CODE");
	}

	@Test
	void loginWhenCodeMissingThen400InvalidRequest() {
		Reply reply = this.api.post("/user/login", "{}");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("INVALID_REQUEST");
		assertThat(reply.json().get("msg").asString()).contains("code");
	}

	@Test
	void loginWhenCodeBlankThen400InvalidRequest() {
		Reply reply = this.api.post("/user/login", "{\"code\":\"   \"}");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("INVALID_REQUEST");
	}

	@Test
	void loginWhenCodeOversizedThen400InvalidRequest() {
		Reply reply = this.api.post("/user/login", Api.json(Map.of("code", "0".repeat(129))));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("INVALID_REQUEST");
	}

	@Test
	void loginWhenCodeIsNotAStringThen400InvalidRequest() {
		Reply reply = this.api.post("/user/login", "{\"code\":{\"nested\":true}}");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("INVALID_REQUEST");
	}

	@Test
	void loginWhenBodyIsMalformedJsonThen400WithoutStackTrace() {
		Reply reply = this.api.post("/user/login", "{\"code\": ");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("INVALID_REQUEST");
		assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("tools.jackson");
	}

	@Test
	void loginWhenContentTypeIsNotJsonThen415() {
		Reply reply = this.api.send("POST", "/user/login", BodyPublishers.ofString("code=abc"), "Content-Type",
				"application/x-www-form-urlencoded");

		assertThat(reply.status()).isEqualTo(415);
		assertThat(reply.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void loginWhenBodyDeclaredTooLargeThen413() {
		Reply reply = this.api.post("/user/login", Api.json(Map.of("code", "x".repeat(20_000))));

		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.code()).isEqualTo("PAYLOAD_TOO_LARGE");
	}

	@Test
	void loginWhenChunkedBodyGrowsTooLargeThen413() {
		byte[] body = Api.json(Map.of("code", "x".repeat(20_000))).getBytes();
		Reply reply = this.api.send("POST", "/user/login",
				BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)), "Content-Type",
				"application/json");

		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.code()).isEqualTo("PAYLOAD_TOO_LARGE");
	}

	@Test
	void loginWhenAppidUnknownThen400UnknownApp() {
		Reply reply = this.api.post("/user/login",
				Api.json(Map.of("code", this.api.wxLogin("someone"), "appid", "wxnotconfigured")));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("UNKNOWN_APP");
	}

	@Test
	void loginWhenAppidNamesTheConfiguredAppThenOk() {
		Reply reply = this.api.post("/user/login",
				Api.json(Map.of("code", this.api.wxLogin("explicit-app"), "appid", DemoApp.APP.appid())));

		assertThat(reply.status()).isEqualTo(200);
	}

	@Test
	void loginWhenCodeRepeatedAfterItsRefreshTokenWasUsedThen400CodeAlreadyUsed() {
		String code = this.api.wxLogin("refresh-then-repeat");
		String refreshToken = this.api.post("/user/login", Api.json(Map.of("code", code)))
			.json()
			.get("refreshToken")
			.asString();
		assertThat(this.api.post("/user/token/refresh", Api.json(Map.of("refreshToken", refreshToken))).status())
			.isEqualTo(200);

		Reply repeat = this.api.post("/user/login", Api.json(Map.of("code", code)));

		assertThat(repeat.status()).isEqualTo(400);
		assertThat(repeat.code()).isEqualTo("CODE_ALREADY_USED");
	}

	@Test
	void loginWhenCodeRepeatedAfterLogoutThen400CodeAlreadyUsed() {
		String code = this.api.wxLogin("logout-then-repeat");
		String token = this.api.post("/user/login", Api.json(Map.of("code", code))).json().get("token").asString();
		assertThat(this.api.post("/user/logout", "", "Authorization", "Bearer " + token).status()).isEqualTo(204);

		Reply repeat = this.api.post("/user/login", Api.json(Map.of("code", code)));

		assertThat(repeat.status()).isEqualTo(400);
		assertThat(repeat.code()).isEqualTo("CODE_ALREADY_USED");
	}

	@Test
	void loginWhenSamePersonLogsInConcurrentlyForTheFirstTimeThenOneUser() throws Exception {
		int logins = 8;
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < logins; i++) {
			codes.add(this.api.wxLogin("concurrent-first"));
		}
		List<Callable<Reply>> calls = codes.stream()
			.<Callable<Reply>>map((code) -> () -> this.api.post("/user/login", Api.json(Map.of("code", code))))
			.toList();
		List<Reply> replies = AtOnce.run(calls);
		assertThat(replies).extracting(Reply::status).containsOnly(200);
		List<JsonNode> bodies = replies.stream().map(Reply::json).toList();

		assertThat(bodies).extracting((body) -> body.at("/user/id").asString())
			.containsOnly(bodies.get(0).at("/user/id").asString());
		assertThat(bodies).filteredOn((body) -> body.get("isNewUser").asBoolean()).hasSize(1);
		String openid = bodies.get(0).at("/user/openid").asString();
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM users WHERE openid = ?").param(openid).query(Long.class).single())
			.isEqualTo(1);
	}

	private String currentSessionId(String token) {
		Reply reply = this.api.get("/user/sessions", "Authorization", "Bearer " + token);
		assertThat(reply.status()).isEqualTo(200);
		List<JsonNode> current = new ArrayList<>();
		reply.json().get("sessions").forEach((session) -> {
			if (session.get("current").asBoolean()) {
				current.add(session);
			}
		});
		assertThat(current).hasSize(1);
		return current.get(0).get("id").asString();
	}

	private List<JsonNode> events(String token) {
		Reply reply = this.api.get("/user/events", "Authorization", "Bearer " + token);
		assertThat(reply.status()).isEqualTo(200);
		List<JsonNode> events = new ArrayList<>();
		reply.json().get("events").forEach(events::add);
		return events;
	}

	private static String sid(JsonNode login) throws java.text.ParseException {
		return com.nimbusds.jwt.SignedJWT.parse(login.get("token").asString()).getJWTClaimsSet().getStringClaim("sid");
	}

}
