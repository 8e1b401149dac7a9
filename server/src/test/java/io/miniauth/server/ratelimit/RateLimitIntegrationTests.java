package io.miniauth.server.ratelimit;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Budgets through HTTP: an over-budget request gets 429 with Retry-After and costs no
 * WeChat call and no write. The test client goes through a trusted proxy (loopback), so
 * {@code X-Forwarded-For} names the client.
 */
@TestPropertySource(properties = { "miniauth.rate-limit.enabled=true", "miniauth.rate-limit.login-per-ip=3/1m",
		"miniauth.rate-limit.refresh-per-session=2/1m", "miniauth.rate-limit.phone-per-user=1/1m",
		"miniauth.rate-limit.profile-per-user=2/1m", "miniauth.web.trusted-proxies=127.0.0.1,::1" })
class RateLimitIntegrationTests extends ServerHttpTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void loginWhenAddressOverBudgetThen429WithoutWeChatCallOrWrite() {
		for (int i = 0; i < 3; i++) {
			assertThat(login("203.0.113.7", "budget-" + i).status()).isEqualTo(200);
		}
		long users = this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
		this.api.send("DELETE", "/emulator/calls", BodyPublishers.noBody());

		Reply reply = login("203.0.113.7", "budget-over");

		assertThat(reply.status()).isEqualTo(429);
		assertThat(reply.code()).isEqualTo("RATE_LIMITED");
		assertThat(Long.parseLong(reply.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(this.api.get("/emulator/calls").json().at("/jscode2session/total").asInt()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isEqualTo(users);
	}

	@Test
	void loginWhenBudgetRefilledThenAllowedAgain() {
		for (int i = 0; i < 3; i++) {
			login("203.0.113.8", "refill-" + i);
		}
		assertThat(login("203.0.113.8", "refill-x").status()).isEqualTo(429);

		this.clock.advance(Duration.ofMinutes(1));

		assertThat(login("203.0.113.8", "refill-y").status()).isEqualTo(200);
	}

	@Test
	void loginWhenOtherAddressThenOwnBudgetAndAddressRecordedOnSession() {
		for (int i = 0; i < 3; i++) {
			login("203.0.113.9", "neighbour-" + i);
		}

		Reply other = login("198.51.100.4", "other-address");

		assertThat(other.status()).isEqualTo(200);
		JsonNode sessions = this.api
			.get("/user/sessions", "Authorization", "Bearer " + other.json().get("token").asString())
			.json();
		assertThat(sessions.at("/sessions/0/ip").asString()).isEqualTo("198.51.100.4");
	}

	@Test
	void refreshWhenSessionOverBudgetThen429AndTokenStillUsable() {
		String refreshToken = login("203.0.113.10", "refresher").json().get("refreshToken").asString();
		refreshToken = refresh(refreshToken).json().get("refreshToken").asString();
		refreshToken = refresh(refreshToken).json().get("refreshToken").asString();

		Reply over = refresh(refreshToken);

		assertThat(over.status()).isEqualTo(429);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(refresh(refreshToken).status()).isEqualTo(200);
	}

	@Test
	void bindPhoneWhenUserOverBudgetThen429WithoutWeChatCall() {
		String token = login("203.0.113.11", "phoner").json().get("token").asString();
		assertThat(bindPhone(token, "phoner").status()).isEqualTo(200);
		this.api.send("DELETE", "/emulator/calls", BodyPublishers.noBody());

		Reply over = bindPhone(token, "phoner");

		assertThat(over.status()).isEqualTo(429);
		assertThat(this.api.get("/emulator/calls").json().at("/getuserphonenumber/total").asInt()).isZero();
	}

	@Test
	void updateProfileWhenUserOverBudgetThen429AndNothingChanged() {
		String token = login("203.0.113.12", "writer").json().get("token").asString();
		patch(token, "one");
		patch(token, "two");

		Reply over = patch(token, "three");

		assertThat(over.status()).isEqualTo(429);
		assertThat(this.api.get("/user/me", "Authorization", "Bearer " + token).json().get("nickName").asString())
			.isEqualTo("two");
	}

	private Reply login(String address, String user) {
		return this.api.post("/user/login", Api.json(Map.of("code", this.api.wxLogin(user))), "X-Forwarded-For",
				address);
	}

	private Reply refresh(String refreshToken) {
		return this.api.post("/user/token/refresh", Api.json(Map.of("refreshToken", refreshToken)));
	}

	private Reply bindPhone(String token, String user) {
		String code = this.api.post("/emulator/wx/phone-code", Api.json(Map.of("user", user)))
			.json()
			.get("code")
			.asString();
		return this.api.post("/user/phone", Api.json(Map.of("code", code)), "Authorization", "Bearer " + token);
	}

	private Reply patch(String token, String nickName) {
		return this.api.patch("/user/me", Api.json(Map.of("nickName", nickName)), "Authorization", "Bearer " + token);
	}

}
