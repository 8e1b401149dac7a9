package io.miniauth.server.login;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While WeChat hangs and logins pile up waiting for it, the endpoints that do not need
 * WeChat keep answering, and readiness reports the open circuit without failing.
 */
@TestPropertySource(
		properties = { "miniauth.wechat.read-timeout=2s", "miniauth.wechat.circuit-breaker-minimum-calls=10" })
@DirtiesContext
class WeChatHangIntegrationTests extends ServerHttpTests {

	@Test
	void meWhenFiftyLoginsHangOnWeChatThenStillAnswered() throws Exception {
		String token = this.api.token("unaffected");
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			codes.add(this.api.wxLogin("stuck-" + i));
		}
		this.api.send("PUT", "/emulator/faults",
				BodyPublishers.ofString(Api.json(Map.of("seed", 1, "endpoints",
						Map.of("jscode2session", Map.of("hangRate", 1.0, "hangMs", 4000))))),
				"Content-Type", "application/json");
		ExecutorService pool = Executors.newFixedThreadPool(50);
		try {
			List<Future<Reply>> logins = new ArrayList<>();
			for (String code : codes) {
				logins.add(pool.submit(() -> this.api.post("/user/login", Api.json(Map.of("code", code)))));
			}
			// the emulator counts a hang before it pauses: then all logins are stuck
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> this.api.get("/emulator/calls").json().at("/jscode2session/hang").asInt() >= codes.size());

			for (int i = 0; i < 5; i++) {
				assertThat(this.api.get("/user/me", "Authorization", "Bearer " + token).status()).isEqualTo(200);
			}

			for (Future<Reply> login : logins) {
				assertThat(login.get().status()).isEqualTo(503);
			}
		}
		finally {
			pool.shutdownNow();
			this.api.send("DELETE", "/emulator/faults", BodyPublishers.noBody());
		}
		Reply readiness = this.api.get("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().at("/components/wechat/status").asString()).isEqualTo("DEGRADED");
	}

}
