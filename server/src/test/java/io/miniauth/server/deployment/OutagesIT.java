package io.miniauth.server.deployment;

import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.MiniAuthTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees when PostgreSQL restarts or Redis goes away under a running
 * server jar (configured for several instances): failed requests during the outage are
 * 503 problems, readiness follows the database, and afterwards everything works again
 * without a restart and nothing is lost or half-written.
 */
class OutagesIT {

	private static final String APP = "wx3c2b1a0f9e8d7c6b";

	private static RestartablePostgres postgres;

	private static RestartableRedis redis;

	private static JarProcess emulator;

	private static JarProcess server;

	private static Api wx;

	private static DatabaseRestart restart;

	@BeforeAll
	static void start() {
		emulator = JarProcess.start("outages-emulator", Deployment.emulatorJar(),
				Map.of("EMULATOR_APPS_0_APPID", APP, "EMULATOR_APPS_0_SECRET", "secret-of-the-outage-app"));
		postgres = RestartablePostgres.started(Deployment.WORK_DIR);
		redis = RestartableRedis.started();
		server = JarProcess.start("outages-server", Deployment.serverJar(),
				Map.ofEntries(Map.entry("MINIAUTH_APPS_0_APPID", APP),
						Map.entry("MINIAUTH_APPS_0_SECRET", "secret-of-the-outage-app"),
						Map.entry("MINIAUTH_WECHAT_BASE_URL", emulator.url() + "/emulator"),
						Map.entry("MINIAUTH_SECURITY_KEY_ENCRYPTION_KEY", MiniAuthTest.KEY_ENCRYPTION_KEY),
						Map.entry("SPRING_DATASOURCE_URL", postgres.jdbcUrl()),
						Map.entry("SPRING_DATASOURCE_USERNAME", postgres.username()),
						Map.entry("SPRING_DATA_REDIS_HOST", "127.0.0.1"),
						Map.entry("SPRING_DATA_REDIS_PORT", Integer.toString(redis.port())),
						Map.entry("MINIAUTH_RATE_LIMIT_LOGIN_PER_IP", "100000/1m")));
		emulator.awaitReady("/emulator/calls", Deployment.START_TIMEOUT);
		server.awaitReady("/actuator/health/readiness", Deployment.START_TIMEOUT);
		wx = new Api(emulator.port());
		restart = new DatabaseRestart(server, wx, APP);
	}

	@AfterAll
	static void stop() {
		Deployment.closeAll(server, emulator, redis, postgres);
	}

	@Test
	void postgresRestartWhileServingThen503DuringAndNothingLostAfter() throws Exception {
		restart.check(postgres);
	}

	@Test
	void redisOutageThen503ForWhatNeedsItAndTokensStillWorkAndRecovers() {
		Api api = new Api(server.port());
		String token = restart.login("before-redis-outage").get("token").asString();

		redis.stop();
		try {
			Reply login = api.post("/user/login", Api.json(Map.of("code", wx.wxLogin("during-redis-outage", APP))));

			assertThat(login.status()).as(login.body()).isEqualTo(503);
			assertThat(login.code()).isEqualTo("SERVICE_UNAVAILABLE");
			assertThat(api.get("/actuator/health").json().at("/components/redis/status").asString()).isEqualTo("DOWN");
			assertThat(restart.readiness()).isEqualTo(200);
			// tokens, the session list and logout need only the database
			assertThat(restart.me(token).status()).isEqualTo(200);
			assertThat(api.get("/user/sessions", "Authorization", "Bearer " + token).status()).isEqualTo(200);
			assertThat(api.post("/user/logout", "{}", "Authorization", "Bearer " + token).status()).isEqualTo(204);
			assertThat(restart.me(token).code()).isEqualTo("TOKEN_REVOKED");
		}
		finally {
			redis.start();
		}

		restart.await("logins to work again",
				() -> api.post("/user/login", Api.json(Map.of("code", wx.wxLogin("after-redis-outage", APP))))
					.status() == 200);
		assertThat(api.get("/actuator/health").json().at("/components/redis/status").asString()).isEqualTo("UP");
	}

}
