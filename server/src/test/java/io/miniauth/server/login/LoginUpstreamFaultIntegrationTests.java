package io.miniauth.server.login;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;

import io.miniauth.server.app.DemoApp;
import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each way WeChat can fail a login, made real by the emulator's fault injection, and what
 * the mini program gets for it.
 */
@TestPropertySource(properties = "miniauth.wechat.read-timeout=500ms")
class LoginUpstreamFaultIntegrationTests extends ServerHttpTests {

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		this.api.send("DELETE", "/emulator/calls", BodyPublishers.noBody());
	}

	@AfterEach
	void clearFaults() {
		this.api.send("DELETE", "/emulator/faults", BodyPublishers.noBody());
	}

	@Test
	void loginWhenWeChatBusyTwiceThen503AfterExactlyOneRetry() {
		faults(Map.of("errcode", -1, "errorRate", 1.0));

		Reply reply = login("busy");

		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.code()).isEqualTo("WECHAT_UNAVAILABLE");
		assertThat(reply.header("Retry-After")).isNotBlank();
		assertThat(calls().at("/jscode2session/-1").asInt()).isEqualTo(2);
	}

	@Test
	void loginWhenWeChatHangsThen503WithinTheTimeouts() {
		faults(Map.of("hangRate", 1.0, "hangMs", 3000));
		long started = System.nanoTime();

		Reply reply = login("hang");

		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.code()).isEqualTo("WECHAT_UNAVAILABLE");
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2500);
	}

	@Test
	void loginWhenConnectionDroppedThen503() {
		faults(Map.of("dropRate", 1.0));

		Reply reply = login("drop");

		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.code()).isEqualTo("WECHAT_UNAVAILABLE");
	}

	@Test
	void loginWhenWeChatRateLimitsThen429WithRetryAfter() {
		faults(Map.of("errcode", 45011, "errorRate", 1.0));

		Reply reply = login("hasty");

		assertThat(reply.status()).isEqualTo(429);
		assertThat(reply.code()).isEqualTo("RATE_LIMITED");
		assertThat(reply.header("Retry-After")).isNotBlank();
		assertThat(calls().at("/jscode2session/total").asInt()).isEqualTo(1);
	}

	@Test
	void loginWhenWeChatRejectsTheAppSecretThen500WeChatMisconfigured() {
		faults(Map.of("errcode", 40125, "errorRate", 1.0));

		Reply reply = login("misconfigured");

		assertThat(reply.status()).isEqualTo(500);
		assertThat(reply.code()).isEqualTo("WECHAT_MISCONFIGURED");
	}

	@Test
	void loginWhenWeChatAnswersAnErrcodeWithoutMeaningHereThen502WeChatErrorAndNoUser() {
		faults(Map.of("errcode", 48001, "errorRate", 1.0));
		long usersBefore = users();
		String code = this.api.wxLogin("unauthorized-api");

		Reply reply = this.api.post("/user/login", Api.json(Map.of("code", code)));

		assertThat(reply.status()).isEqualTo(502);
		assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
		assertThat(reply.code()).isEqualTo("WECHAT_ERROR");
		assertThat(reply.json().get("status").asInt()).isEqualTo(502);
		assertThat(reply.json().get("msg").asString()).isNotBlank();
		assertThat(reply.body()).doesNotContain(code)
			.doesNotContain(DemoApp.APP.secret())
			.doesNotContain("session_key")
			.doesNotContain("openid");
		assertThat(calls().at("/jscode2session/48001").asInt()).isEqualTo(1);
		assertThat(users()).isEqualTo(usersBefore);
		clearFaults();
		assertThat(login("unauthorized-api").json().get("isNewUser").asBoolean()).isTrue();
	}

	@Test
	void loginWhenWeChatBlocksARiskyUserThen403LoginBlocked() {
		String code = this.api.post("/emulator/wx/login", Api.json(Map.of("user", "risky", "risky", true)))
			.json()
			.get("code")
			.asString();

		Reply reply = this.api.post("/user/login", Api.json(Map.of("code", code)));

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.code()).isEqualTo("LOGIN_BLOCKED");
	}

	@Test
	void loginWhenUserLogsInOverWeChatsMinuteQuotaThen429() {
		Reply last = null;
		for (int i = 0; i <= 100; i++) {
			last = login("quota-" + this.port);
		}

		assertThat(last.status()).isEqualTo(429);
		assertThat(last.code()).isEqualTo("RATE_LIMITED");
	}

	@Test
	void loginWhenWeChatFailsThenNoUserIsCreated() {
		faults(Map.of("errcode", -1, "errorRate", 1.0));
		long before = this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();

		login("never-created");

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isEqualTo(before);
	}

	private long users() {
		return this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
	}

	private Reply login(String user) {
		return this.api.post("/user/login", Api.json(Map.of("code", this.api.wxLogin(user))));
	}

	private void faults(Map<String, Object> jscode2session) {
		Reply reply = this.api.send("PUT", "/emulator/faults",
				java.net.http.HttpRequest.BodyPublishers
					.ofString(Api.json(Map.of("seed", 42, "endpoints", Map.of("jscode2session", jscode2session)))),
				"Content-Type", "application/json");
		assertThat(reply.status()).isEqualTo(200);
	}

	private JsonNode calls() {
		return this.api.get("/emulator/calls").json();
	}

}
