package io.miniauth.server.deployment;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.MiniAuthTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees when PostgreSQL restarts or Redis goes away under a running
 * server jar: failed requests during the outage are 503 problems (never 500, never a
 * stack trace), readiness follows the database, and afterwards everything works again
 * without a restart and nothing is lost or half-written.
 */
class OutagesIT {

	private static final String APP = "wx3c2b1a0f9e8d7c6b";

	private static final Duration OUTAGE_TIMEOUT = Duration.ofSeconds(60);

	private static RestartablePostgres postgres;

	private static RestartableRedis redis;

	private static JarProcess emulator;

	private static JarProcess server;

	private static Api wx;

	private static Api api;

	@BeforeAll
	static void start() {
		emulator = JarProcess.start("outages-emulator", Deployment.emulatorJar(),
				Map.of("EMULATOR_APPS_0_APPID", APP, "EMULATOR_APPS_0_SECRET", "secret-of-the-outage-app"));
		postgres = RestartablePostgres.started(Path.of("target", "deployment-databases").toAbsolutePath());
		redis = RestartableRedis.started();
		server = JarProcess.start("outages-server", Deployment.serverJar(),
				Map.ofEntries(Map.entry("MINIAUTH_APPS_0_APPID", APP),
						Map.entry("MINIAUTH_APPS_0_SECRET", "secret-of-the-outage-app"),
						Map.entry("MINIAUTH_WECHAT_BASE_URL", emulator.url() + "/emulator"),
						Map.entry("MINIAUTH_SECURITY_KEY_ENCRYPTION_KEY", MiniAuthTest.KEY_ENCRYPTION_KEY),
						Map.entry("SPRING_DATASOURCE_URL", postgres.jdbcUrl()),
						Map.entry("SPRING_DATASOURCE_USERNAME", "postgres"),
						Map.entry("SPRING_DATA_REDIS_HOST", "127.0.0.1"),
						Map.entry("SPRING_DATA_REDIS_PORT", Integer.toString(redis.port())),
						Map.entry("MINIAUTH_RATE_LIMIT_LOGIN_PER_IP", "100000/1m")));
		emulator.awaitReady("/emulator/calls", Deployment.START_TIMEOUT);
		server.awaitReady("/actuator/health/readiness", Deployment.START_TIMEOUT);
		wx = new Api(emulator.port());
		api = new Api(server.port());
	}

	@AfterAll
	static void stop() {
		for (AutoCloseable closeable : new AutoCloseable[] { server, emulator, redis, postgres }) {
			try {
				if (closeable != null) {
					closeable.close();
				}
			}
			catch (Exception ex) {
				// stopping the rest matters more
			}
		}
	}

	@Test
	void postgresRestartWhileServingThen503DuringAndNothingLostAfter() throws Exception {
		JsonNode before = login("before-restart");
		Load load = new Load(4);
		try {
			load.awaitLogins(5);

			postgres.stop();
			await("readiness to report the database down", () -> readiness() == 503);
			assertThat(api.get("/actuator/health").json().at("/components/db/status").asString()).isEqualTo("DOWN");
			await("a request to fail during the outage", () -> load.count(503) > 0);
			postgres.start();
			await("readiness to recover", () -> readiness() == 200);
			int atRecovery = load.logins();
			load.awaitLogins(atRecovery + 5);
		}
		finally {
			load.stop();
		}

		// during the outage: 503 problems, no 500 and no stack trace
		assertThat(load.statuses()).contains(503).isSubsetOf(200, 503);
		for (Reply failed : load.replies(503)) {
			assertThat(failed.code()).isEqualTo("SERVICE_UNAVAILABLE");
			assertThat(failed.header("Retry-After")).isNotNull();
			assertThat(failed.body()).doesNotContain("Exception", "at io.", "at org.");
		}
		// after it: the user from before, and every login that succeeded, still works
		assertThat(me(before.get("token").asString()).status()).isEqualTo(200);
		assertThat(
				api.post("/user/token/refresh", Api.json(Map.of("refreshToken", before.get("refreshToken").asString())))
					.status())
			.isEqualTo(200);
		for (String token : load.tokens()) {
			assertThat(me(token).status()).isEqualTo(200);
		}
		// and nothing half-written: every session has its user and its refresh token
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
			assertThat(
					count(connection,
							"SELECT COUNT(*) FROM sessions s "
									+ "WHERE NOT EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.session_id = s.id)"))
				.isZero();
			assertThat(count(connection, "SELECT COUNT(*) FROM sessions")).isGreaterThanOrEqualTo(load.logins() + 1);
		}
	}

	@Test
	void redisOutageThen503ForWhatNeedsItAndTokensStillWorkAndRecovers() {
		String token = login("before-redis-outage").get("token").asString();

		redis.stop();
		try {
			Reply login = api.post("/user/login", Api.json(Map.of("code", wx.wxLogin("during-redis-outage", APP))));

			assertThat(login.status()).as(login.body()).isEqualTo(503);
			assertThat(login.code()).isEqualTo("SERVICE_UNAVAILABLE");
			// tokens, the session list and logout need only the database
			assertThat(me(token).status()).isEqualTo(200);
			assertThat(api.get("/actuator/health").json().at("/components/redis/status").asString()).isEqualTo("DOWN");
			assertThat(readiness()).isEqualTo(200);
			assertThat(api.get("/user/sessions", "Authorization", "Bearer " + token).status()).isEqualTo(200);
			assertThat(api.post("/user/logout", "{}", "Authorization", "Bearer " + token).status()).isEqualTo(204);
			assertThat(me(token).code()).isEqualTo("TOKEN_REVOKED");
		}
		finally {
			redis.start();
		}

		await("logins to work again",
				() -> api.post("/user/login", Api.json(Map.of("code", wx.wxLogin("after-redis-outage", APP))))
					.status() == 200);
		assertThat(api.get("/actuator/health").json().at("/components/redis/status").asString()).isEqualTo("UP");
	}

	private static JsonNode login(String user) {
		Reply reply = api.post("/user/login", Api.json(Map.of("code", wx.wxLogin(user, APP))));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private static Reply me(String token) {
		return api.get("/user/me", "Authorization", "Bearer " + token);
	}

	private static int readiness() {
		return api.get("/actuator/health/readiness").status();
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static void await(String what, BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(OUTAGE_TIMEOUT);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Waited " + OUTAGE_TIMEOUT + " for " + what + ":\n" + server.output());
			}
			JarProcess.pause(Duration.ofMillis(100));
		}
	}

	/**
	 * Mini programs logging in and reading their profile, over and over, recording every
	 * answer.
	 */
	private static final class Load {

		private final ExecutorService pool;

		private final List<Reply> replies = Collections.synchronizedList(new ArrayList<>());

		private final Map<String, String> tokens = new ConcurrentHashMap<>();

		private final AtomicInteger users = new AtomicInteger();

		private volatile boolean running = true;

		Load(int threads) {
			this.pool = Executors.newFixedThreadPool(threads);
			for (int i = 0; i < threads; i++) {
				this.pool.execute(this::run);
			}
		}

		private void run() {
			while (this.running) {
				String user = "load-" + this.users.incrementAndGet();
				Reply login = api.post("/user/login", Api.json(Map.of("code", wx.wxLogin(user, APP))));
				this.replies.add(login);
				if (login.status() == 200) {
					String token = login.json().get("token").asString();
					this.tokens.put(user, token);
					this.replies.add(me(token));
				}
			}
		}

		void awaitLogins(int logins) {
			await(logins + " logins", () -> this.tokens.size() >= logins);
		}

		int logins() {
			return this.tokens.size();
		}

		long count(int status) {
			return replies(status).size();
		}

		List<Reply> replies(int status) {
			synchronized (this.replies) {
				return this.replies.stream().filter((reply) -> reply.status() == status).toList();
			}
		}

		List<Integer> statuses() {
			synchronized (this.replies) {
				return this.replies.stream().map(Reply::status).distinct().toList();
			}
		}

		List<String> tokens() {
			return List.copyOf(this.tokens.values());
		}

		void stop() throws InterruptedException {
			this.running = false;
			this.pool.shutdown();
			assertThat(this.pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}

	}

}
