package io.miniauth.server.deployment;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.EmbeddedRedis;
import io.miniauth.server.support.MiniAuthTest;
import io.miniauth.server.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the packaged server jar, A and B, on different ports, configured by
 * environment variables as docs/DEPLOYING.md says, against one real PostgreSQL, one Redis
 * and one standalone WeChat emulator (its jar too). What a user does through one instance
 * holds on the other.
 */
class TwoInstancesIT {

	/** The app whose access token the phone-number test fetches first. */
	private static final String PHONE_APP = "wx5a1b2c3d4e5f6a7b";

	private static final String APP = "wx0f1e2d3c4b5a6978";

	private static final String OPERATOR_KEY = "two-instances-operator-key";

	private static JarProcess emulator;

	private static JarProcess a;

	private static JarProcess b;

	private static Api wx;

	private static Api apiA;

	private static Api apiB;

	@BeforeAll
	static void startTwoInstances() {
		Map<String, String> apps = Map.of("APPS_0_APPID", APP, "APPS_0_SECRET", "secret-of-the-login-app",
				"APPS_1_APPID", PHONE_APP, "APPS_1_SECRET", "secret-of-the-phone-app");
		Map<String, String> emulatorEnv = new HashMap<>();
		apps.forEach((name, value) -> emulatorEnv.put("EMULATOR_" + name, value));
		emulator = JarProcess.start("two-instances-emulator", Deployment.emulatorJar(), emulatorEnv);

		String database = TestDatabases.postgres().createDatabase();
		Map<String, String> env = new HashMap<>();
		apps.forEach((name, value) -> env.put("MINIAUTH_" + name, value));
		env.put("MINIAUTH_WECHAT_BASE_URL", emulator.url() + "/emulator");
		env.put("MINIAUTH_SECURITY_KEY_ENCRYPTION_KEY", MiniAuthTest.KEY_ENCRYPTION_KEY);
		env.putAll(Deployment.datasource(TestDatabases.postgres(), database));
		env.put("SPRING_DATA_REDIS_HOST", "127.0.0.1");
		env.put("SPRING_DATA_REDIS_PORT", Integer.toString(EmbeddedRedis.port()));
		// the test client stands behind a trusted proxy: X-Forwarded-For names the client
		env.put("MINIAUTH_WEB_TRUSTED_PROXIES", "127.0.0.1");
		env.put("MINIAUTH_RATE_LIMIT_LOGIN_PER_IP", "3/1m");
		env.put("MINIAUTH_RATE_LIMIT_PHONE_PER_USER", "1000/1m");
		env.put("MINIAUTH_ADMIN_API_KEYS", OPERATOR_KEY);
		a = JarProcess.start("two-instances-a", Deployment.serverJar(), env);
		b = JarProcess.start("two-instances-b", Deployment.serverJar(), env);

		emulator.awaitReady("/emulator/calls", Deployment.START_TIMEOUT);
		a.awaitReady("/actuator/health/readiness", Deployment.START_TIMEOUT);
		b.awaitReady("/actuator/health/readiness", Deployment.START_TIMEOUT);
		wx = new Api(emulator.port());
		apiA = new Api(a.port());
		apiB = new Api(b.port());
	}

	@AfterAll
	static void stopTwoInstances() {
		Deployment.closeAll(b, a, emulator);
	}

	@Test
	void startWhenRedisConfiguredThenSaysSeveralInstancesMayRun() {
		for (JarProcess instance : List.of(a, b)) {
			assertThat(instance.output()).contains("Shared state (WeChat access tokens, repeated login codes, "
					+ "rate limits) is in Redis: several instances may run side by side");
			assertThat(instance.output()).doesNotContain("secret-of-the-", MiniAuthTest.KEY_ENCRYPTION_KEY);
		}
	}

	@Test
	void healthThenReportsPostgresAndRedisOnBoth() {
		for (Api api : List.of(apiA, apiB)) {
			JsonNode health = api.get("/actuator/health").json();

			assertThat(health.at("/status").asString()).isEqualTo("UP");
			assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
			assertThat(health.at("/components/redis/status").asString()).isEqualTo("UP");
		}
	}

	@Test
	void meWhenLoggedInThroughAThenReadThroughB() {
		String token = login(apiA, "198.51.100.1", wx.wxLogin("across", APP)).get("token").asString();

		Reply me = apiB.get("/user/me", "Authorization", "Bearer " + token);

		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().at("/appid").asString()).isEqualTo(APP);
	}

	@Test
	void jwksWhenStartedTogetherOnAnEmptyDatabaseThenOneKeyForBoth() {
		JsonNode jwks = apiA.get("/.well-known/jwks.json").json();

		assertThat(jwks.get("keys")).hasSize(1);
		assertThat(apiB.get("/.well-known/jwks.json").json()).isEqualTo(jwks);
	}

	@Test
	void logoutWhenThroughAThenTokenFailsOnBAtOnce() {
		String token = login(apiA, "198.51.100.2", wx.wxLogin("leaving", APP)).get("token").asString();
		assertThat(apiB.get("/user/me", "Authorization", "Bearer " + token).status()).isEqualTo(200);

		assertThat(apiA.post("/user/logout", "{}", "Authorization", "Bearer " + token).status()).isEqualTo(204);
		// the very next request on B is refused: well within the one second allowed
		Reply me = apiB.get("/user/me", "Authorization", "Bearer " + token);

		assertThat(me.status()).isEqualTo(401);
		assertThat(me.code()).isEqualTo("TOKEN_REVOKED");
	}

	@Test
	void logoutOtherDevicesWhenThroughBThenOtherSessionFailsOnA() {
		String phone = login(apiA, "198.51.100.3", wx.wxLogin("two-phones", APP)).get("token").asString();
		String tablet = login(apiB, "198.51.100.3", wx.wxLogin("two-phones", APP)).get("token").asString();

		assertThat(apiB.send("DELETE", "/user/sessions", BodyPublishers.noBody(), "Authorization", "Bearer " + tablet)
			.status()).isEqualTo(204);

		assertThat(apiA.get("/user/me", "Authorization", "Bearer " + phone).code()).isEqualTo("TOKEN_REVOKED");
		assertThat(apiA.get("/user/me", "Authorization", "Bearer " + tablet).status()).isEqualTo(200);
	}

	@Test
	void refreshWhenTokensFromAThenRenewedOnBAndOldRefreshTokenRefusedOnA() {
		JsonNode login = login(apiA, "198.51.100.4", wx.wxLogin("renewing", APP));
		String body = Api.json(Map.of("refreshToken", login.get("refreshToken").asString()));

		Reply renewed = apiB.post("/user/token/refresh", body);

		assertThat(renewed.status()).isEqualTo(200);
		assertThat(apiA.get("/user/me", "Authorization", "Bearer " + renewed.json().get("token").asString()).status())
			.isEqualTo(200);
		// within the reuse interval, the old refresh token gets the same successor on A
		assertThat(apiA.post("/user/token/refresh", body).json().get("refreshToken").asString())
			.isEqualTo(renewed.json().get("refreshToken").asString());
	}

	@Test
	void phoneWhenHundredRequestsOverBothInstancesWithColdCacheThenOneTokenFetch() throws Exception {
		// both instances call WeChat for an access token once (for the other app), so
		// that
		// neither is still warming up while the other waits for its fetch
		String warmUp = login(apiA, "198.51.100.8", wx.wxLogin("warm-up", APP)).get("token").asString();
		for (Api api : List.of(apiA, apiB)) {
			String code = wx.post("/emulator/wx/phone-code", Api.json(Map.of("user", "warm-up", "appid", APP)))
				.json()
				.get("code")
				.asString();
			assertThat(api.post("/user/phone", Api.json(Map.of("code", code)), "Authorization", "Bearer " + warmUp)
				.status()).isEqualTo(200);
		}
		// the only test that uses PHONE_APP: no instance has its access token yet
		String token = login(apiA, "198.51.100.5", wx.wxLogin("burst", PHONE_APP), PHONE_APP).get("token").asString();
		List<Callable<Reply>> calls = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			Api api = (i % 2 == 0) ? apiA : apiB;
			String code = wx.post("/emulator/wx/phone-code", Api.json(Map.of("user", "burst", "appid", PHONE_APP)))
				.json()
				.get("code")
				.asString();
			calls
				.add(() -> api.post("/user/phone", Api.json(Map.of("code", code)), "Authorization", "Bearer " + token));
		}
		// a slow WeChat, so that both instances find the cache cold while the token is
		// fetched
		wx.send("PUT", "/emulator/faults",
				BodyPublishers.ofString(
						Api.json(Map.of("seed", 1, "endpoints", Map.of("stable_token", Map.of("latencyMs", 300))))),
				"Content-Type", "application/json");
		wx.send("DELETE", "/emulator/calls", BodyPublishers.noBody());
		ExecutorService pool = Executors.newFixedThreadPool(32);
		try {
			for (Future<Reply> reply : pool.invokeAll(calls)) {
				assertThat(reply.get().status()).as(reply.get().body()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
			wx.send("DELETE", "/emulator/faults", BodyPublishers.noBody());
		}

		JsonNode counts = wx.get("/emulator/calls").json();
		assertThat(counts.at("/stable_token/total").asInt()).isEqualTo(1);
		assertThat(counts.at("/getuserphonenumber/ok").asInt()).isEqualTo(100);
	}

	@Test
	void loginWhenCodeRepeatedToBAfterAThenSameUserAndSession() {
		String code = wx.wxLogin("repeat", APP);

		JsonNode first = login(apiA, "198.51.100.6", code);
		JsonNode repeat = login(apiB, "198.51.100.6", code);

		assertThat(repeat.at("/user/id").asString()).isEqualTo(first.at("/user/id").asString());
		assertThat(repeat.get("refreshToken").asString()).isEqualTo(first.get("refreshToken").asString());
		assertThat(apiB.get("/user/me", "Authorization", "Bearer " + repeat.get("token").asString()).status())
			.isEqualTo(200);
	}

	@Test
	void loginWhenAddressOverBudgetOnBothInstancesThen429() {
		for (Api api : List.of(apiA, apiB, apiA)) {
			login(api, "198.51.100.7", wx.wxLogin("budget", APP));
		}

		Reply overOnB = post(apiB, "198.51.100.7", wx.wxLogin("budget", APP), APP);
		Reply overOnA = post(apiA, "198.51.100.7", wx.wxLogin("budget", APP), APP);

		assertThat(overOnB.status()).isEqualTo(429);
		assertThat(overOnB.code()).isEqualTo("RATE_LIMITED");
		assertThat(Long.parseLong(overOnB.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(overOnA.status()).isEqualTo(429);
	}

	@Test
	void banWhenThroughAThenEveryPathRefusedOnBOnTheNextRequest() {
		String repeatedCode = wx.wxLogin("banned-across", APP);
		JsonNode phone = login(apiA, "198.51.100.9", repeatedCode);
		JsonNode tablet = login(apiB, "198.51.100.10", wx.wxLogin("banned-across", APP));
		String id = phone.get("user").get("id").asString();

		Reply banned = apiA.post("/admin/api/users/" + id + "/ban", "{\"reason\":\"abuse\"}", "Authorization",
				"Bearer " + OPERATOR_KEY);

		assertThat(banned.status()).isEqualTo(200);
		String auth = "Bearer " + phone.get("token").asString();
		List<Reply> onB = List.of(apiB.get("/user/me", "Authorization", auth),
				apiB.patch("/user/me", "{\"nickName\":\"x\"}", "Authorization", auth),
				apiB.post("/user/phone", "{\"code\":\"any\"}", "Authorization", auth),
				apiB.post("/user/decrypt", "{\"encryptedData\":\"AAAA\",\"iv\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}",
						"Authorization", auth),
				apiB.get("/user/me", "Authorization", "Bearer " + tablet.get("token").asString()),
				apiB.post("/user/token/refresh",
						Api.json(Map.of("refreshToken", tablet.get("refreshToken").asString()))),
				post(apiB, "198.51.100.11", repeatedCode, APP),
				post(apiB, "198.51.100.12", wx.wxLogin("banned-across", APP), APP));
		assertThat(onB).allSatisfy((reply) -> {
			assertThat(reply.status()).as(reply.body()).isEqualTo(403);
			assertThat(reply.code()).isEqualTo("ACCOUNT_BANNED");
		});
		Reply unbanned = apiB.send("DELETE", "/admin/api/users/" + id + "/ban", BodyPublishers.noBody(),
				"Authorization", "Bearer " + OPERATOR_KEY);
		assertThat(unbanned.status()).isEqualTo(200);
		assertThat(login(apiA, "198.51.100.13", wx.wxLogin("banned-across", APP)).get("user").get("id").asString())
			.isEqualTo(id);
		Reply ended = apiA.get("/user/me", "Authorization", auth);
		assertThat(ended.code()).isEqualTo("TOKEN_REVOKED");
		assertThat(ended.json().get("reason").asString()).isEqualTo("banned");
	}

	private static JsonNode login(Api api, String clientAddress, String code) {
		return login(api, clientAddress, code, APP);
	}

	private static JsonNode login(Api api, String clientAddress, String code, String appid) {
		Reply reply = post(api, clientAddress, code, appid);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private static Reply post(Api api, String clientAddress, String code, String appid) {
		return api.post("/user/login", Api.json(Map.of("code", code, "appid", appid)), "X-Forwarded-For",
				clientAddress);
	}

}
