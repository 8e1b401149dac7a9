package io.miniauth.server.sharedstate;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.miniauth.server.MiniAuthApplication;
import io.miniauth.server.app.DemoApp;
import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.EmbeddedRedis;
import io.miniauth.server.support.MiniAuthTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances, A and B, sharing one database, one Redis and one WeChat (the emulator in
 * A; B is configured with the demo app and points at A's emulator). What one instance
 * does, the other sees. The test client goes through a trusted proxy (loopback), so
 * {@code X-Forwarded-For} names the client.
 */
class SeveralInstancesIntegrationTests {

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static Api apiA;

	private static Api apiB;

	@BeforeAll
	static void startTwoInstances() {
		String database = "jdbc:h2:mem:several-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		int redisPort = EmbeddedRedis.port();
		List<String> common = List.of("--server.port=0", "--spring.datasource.url=" + database,
				"--miniauth.security.key-encryption-key=" + MiniAuthTest.KEY_ENCRYPTION_KEY,
				"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redisPort,
				"--miniauth.rate-limit.enabled=true", "--miniauth.rate-limit.login-per-ip=3/1m",
				"--miniauth.rate-limit.phone-per-user=1000/1m", "--miniauth.web.trusted-proxies=127.0.0.1,::1");
		a = start(common);
		int portA = port(a);
		List<String> forB = new ArrayList<>(common);
		forB.addAll(List.of("--miniauth.apps[0].appid=" + DemoApp.APP.appid(),
				"--miniauth.apps[0].secret=" + DemoApp.APP.secret(),
				"--miniauth.wechat.base-url=http://127.0.0.1:" + portA + "/emulator"));
		b = start(forB);
		apiA = new Api(portA);
		apiB = new Api(port(b));
	}

	@AfterAll
	static void stopTwoInstances() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	@BeforeEach
	void resetCalls() {
		apiA.send("DELETE", "/emulator/calls", BodyPublishers.noBody());
	}

	@Test
	void healthWhenRedisConfiguredThenUpWithRedis() {
		Reply health = apiB.get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().at("/components/redis/status").asString()).isEqualTo("UP");
	}

	@Test
	void meWhenLoggedInThroughAThenReadThroughB() {
		String token = login(apiA, "198.51.100.1", apiA.wxLogin("across")).json().get("token").asString();

		Reply me = apiB.get("/user/me", "Authorization", "Bearer " + token);

		assertThat(me.status()).isEqualTo(200);
	}

	@Test
	void logoutWhenThroughAThenTokenRevokedOnBAtOnce() {
		String token = login(apiA, "198.51.100.2", apiA.wxLogin("leaving")).json().get("token").asString();
		assertThat(apiB.get("/user/me", "Authorization", "Bearer " + token).status()).isEqualTo(200);

		assertThat(apiA.post("/user/logout", "{}", "Authorization", "Bearer " + token).status()).isBetween(200, 204);
		Reply me = apiB.get("/user/me", "Authorization", "Bearer " + token);

		assertThat(me.status()).isEqualTo(401);
		assertThat(me.code()).isEqualTo("TOKEN_REVOKED");
	}

	@Test
	void phoneWhenHundredRequestsOverBothInstancesWithColdCacheThenOneTokenFetch() throws Exception {
		String token = login(apiA, "198.51.100.3", apiA.wxLogin("burst")).json().get("token").asString();
		a.getBean(StringRedisTemplate.class).delete("miniauth:wechat:access-token:" + DemoApp.APP.appid());
		resetCalls();
		List<Callable<Reply>> calls = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			Api api = (i % 2 == 0) ? apiA : apiB;
			String code = apiA.post("/emulator/wx/phone-code", Api.json(Map.of("user", "burst")))
				.json()
				.get("code")
				.asString();
			calls
				.add(() -> api.post("/user/phone", Api.json(Map.of("code", code)), "Authorization", "Bearer " + token));
		}

		// a slow WeChat, so that both instances find the cache cold while the token is
		// fetched
		apiA.send("PUT", "/emulator/faults",
				BodyPublishers.ofString(
						Api.json(Map.of("seed", 1, "endpoints", Map.of("stable_token", Map.of("latencyMs", 300))))),
				"Content-Type", "application/json");
		ExecutorService pool = Executors.newFixedThreadPool(32);
		try {
			for (Future<Reply> reply : pool.invokeAll(calls)) {
				assertThat(reply.get().status()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
			apiA.send("DELETE", "/emulator/faults", BodyPublishers.noBody());
		}

		JsonNode counts = apiA.get("/emulator/calls").json();
		assertThat(counts.at("/stable_token/total").asInt()).isEqualTo(1);
		assertThat(counts.at("/getuserphonenumber/ok").asInt()).isEqualTo(100);
	}

	@Test
	void loginWhenCodeRepeatedToTheOtherInstanceThenSameUserAndSession() {
		String code = apiA.wxLogin("repeat");

		JsonNode first = login(apiA, "198.51.100.4", code).json();
		JsonNode repeat = login(apiB, "198.51.100.4", code).json();

		assertThat(repeat.at("/user/id").asString()).isEqualTo(first.at("/user/id").asString());
		assertThat(repeat.get("refreshToken").asString()).isEqualTo(first.get("refreshToken").asString());
		assertThat(apiA.get("/emulator/calls").json().at("/jscode2session/total").asInt()).isEqualTo(1);
	}

	@Test
	void loginWhenAddressOverBudgetOnBothInstancesThen429() {
		assertThat(login(apiA, "198.51.100.5", apiA.wxLogin("budget-0")).status()).isEqualTo(200);
		assertThat(login(apiB, "198.51.100.5", apiA.wxLogin("budget-1")).status()).isEqualTo(200);
		assertThat(login(apiA, "198.51.100.5", apiA.wxLogin("budget-2")).status()).isEqualTo(200);

		Reply overOnB = post(apiB, "198.51.100.5", apiA.wxLogin("budget-3"));
		Reply overOnA = post(apiA, "198.51.100.5", apiA.wxLogin("budget-4"));

		assertThat(overOnB.status()).isEqualTo(429);
		assertThat(overOnB.code()).isEqualTo("RATE_LIMITED");
		assertThat(Long.parseLong(overOnB.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(overOnA.status()).isEqualTo(429);
	}

	private static Reply login(Api api, String clientAddress, String code) {
		Reply reply = post(api, clientAddress, code);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply;
	}

	private static Reply post(Api api, String clientAddress, String code) {
		return api.post("/user/login", Api.json(Map.of("code", code)), "X-Forwarded-For", clientAddress);
	}

	private static ConfigurableApplicationContext start(List<String> args) {
		return new SpringApplicationBuilder(MiniAuthApplication.class).run(args.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
