package io.miniauth.server.login;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When WeChat keeps failing for an app, logins are answered 503 at once without calling
 * WeChat, and the circuit closes again by itself once WeChat is back.
 */
@TestPropertySource(properties = { "miniauth.wechat.circuit-breaker-minimum-calls=4",
		"miniauth.wechat.circuit-breaker-open-for=10s" })
@DirtiesContext
class WeChatCircuitBreakerIntegrationTests extends ServerHttpTests {

	@Test
	void loginWhenWeChatKeepsFailingThenAnsweredAtOnceWithoutCallingItAndRecoversByItself() {
		this.api.send("PUT", "/emulator/faults",
				BodyPublishers.ofString(Api.json(Map.of("seed", 7, "endpoints",
						Map.of("jscode2session", Map.of("errcode", -1, "errorRate", 1.0))))),
				"Content-Type", "application/json");
		for (int i = 0; i < 4; i++) {
			assertThat(login(this.api, "outage-" + i).status()).isEqualTo(503);
		}
		this.api.send("DELETE", "/emulator/calls", BodyPublishers.noBody());

		Reply refused = login(this.api, "while-open");

		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.code()).isEqualTo("WECHAT_UNAVAILABLE");
		assertThat(refused.header("Retry-After")).isNotBlank();
		assertThat(this.api.get("/emulator/calls").json().at("/jscode2session/total").asInt()).isZero();

		this.api.send("DELETE", "/emulator/faults", BodyPublishers.noBody());
		this.clock.advance(Duration.ofSeconds(11));

		assertThat(login(this.api, "after-recovery").status()).isEqualTo(200);
	}

	private Reply login(Api api, String user) {
		return this.api.post("/user/login", Api.json(Map.of("code", this.api.wxLogin(user))));
	}

}
