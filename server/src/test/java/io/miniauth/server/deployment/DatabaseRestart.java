package io.miniauth.server.deployment;

import java.sql.Connection;
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
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart of the database under a running server jar and a steady load of logins, and
 * what must hold: during the outage every failed request is a 503 problem (never a 500,
 * never a stack trace) and readiness answers 503; afterwards readiness recovers without a
 * restart of the service, every user and session from before and during the outage works,
 * and no session lacks its refresh token.
 */
final class DatabaseRestart {

	static final Duration TIMEOUT = Duration.ofSeconds(90);

	private final JarProcess server;

	private final Api api;

	private final Api wx;

	private final String appid;

	DatabaseRestart(JarProcess server, Api wx, String appid) {
		this.server = server;
		this.api = new Api(server.port());
		this.wx = wx;
		this.appid = appid;
	}

	void check(RestartableDatabase database) throws Exception {
		JsonNode before = login("before-restart");
		Load load = new Load(4);
		try {
			load.awaitLogins(5);

			database.stop();
			await("readiness to report the database down", () -> readiness() == 503);
			assertThat(this.api.get("/actuator/health").json().at("/components/db/status").asString())
				.isEqualTo("DOWN");
			await("a request to fail during the outage", () -> load.count(503) > 0);
			database.start();
			await("readiness to recover", () -> readiness() == 200);
			load.awaitLogins(load.logins() + 5);
		}
		finally {
			load.stop();
		}
		assertThat(load.errors()).as("errors of the load itself").isEmpty();

		// during the outage: 503 problems, no 500 and no stack trace
		assertThat(load.statuses()).contains(503).isSubsetOf(200, 503);
		for (Reply failed : load.replies(503)) {
			assertThat(failed.code()).isEqualTo("SERVICE_UNAVAILABLE");
			assertThat(failed.header("Retry-After")).isNotNull();
			assertThat(failed.body()).doesNotContain("Exception", "at io.", "at org.");
		}
		// after it: the user from before, and every login that succeeded, still works
		assertThat(me(before.get("token").asString()).status()).isEqualTo(200);
		assertThat(this.api
			.post("/user/token/refresh", Api.json(Map.of("refreshToken", before.get("refreshToken").asString())))
			.status()).isEqualTo(200);
		for (String token : load.tokens()) {
			assertThat(me(token).status()).isEqualTo(200);
		}
		// and nothing half-written: every session has its refresh token
		try (Connection connection = database.connect()) {
			assertThat(
					count(connection,
							"SELECT COUNT(*) FROM sessions s "
									+ "WHERE NOT EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.session_id = s.id)"))
				.isZero();
			assertThat(count(connection, "SELECT COUNT(*) FROM sessions")).isGreaterThanOrEqualTo(load.logins() + 1);
		}
	}

	JsonNode login(String user) {
		Reply reply = this.api.post("/user/login", Api.json(Map.of("code", this.wx.wxLogin(user, this.appid))));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	Reply me(String token) {
		return this.api.get("/user/me", "Authorization", "Bearer " + token);
	}

	int readiness() {
		return this.api.get("/actuator/health/readiness").status();
	}

	void await(String what, BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(TIMEOUT);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Waited " + TIMEOUT + " for " + what + ":\n" + this.server.output());
			}
			JarProcess.pause(Duration.ofMillis(100));
		}
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/**
	 * Mini programs logging in and reading their profile, over and over, recording every
	 * answer.
	 */
	private final class Load {

		private final ExecutorService pool;

		private final List<Reply> replies = Collections.synchronizedList(new ArrayList<>());

		private final Map<String, String> tokens = new ConcurrentHashMap<>();

		private final AtomicInteger users = new AtomicInteger();

		private final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());

		private volatile boolean running = true;

		Load(int threads) {
			this.pool = Executors.newFixedThreadPool(threads);
			for (int i = 0; i < threads; i++) {
				this.pool.execute(this::run);
			}
		}

		private void run() {
			try {
				spend();
			}
			catch (Throwable ex) {
				// reported after the outage, not lost in the pool
				this.errors.add(ex);
			}
		}

		private void spend() {
			while (this.running) {
				String user = "load-" + this.users.incrementAndGet();
				Reply login = DatabaseRestart.this.api.post("/user/login",
						Api.json(Map.of("code", DatabaseRestart.this.wx.wxLogin(user, DatabaseRestart.this.appid))));
				this.replies.add(login);
				if (login.status() == 200) {
					String token = login.json().get("token").asString();
					this.tokens.put(user, token);
					this.replies.add(me(token));
				}
			}
		}

		void awaitLogins(int logins) {
			await(logins + " logins", () -> this.tokens.size() >= logins || !this.errors.isEmpty());
			assertThat(this.errors).as("errors of the load itself").isEmpty();
		}

		List<Throwable> errors() {
			return List.copyOf(this.errors);
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
			if (!this.pool.awaitTermination(90, TimeUnit.SECONDS)) {
				this.pool.shutdownNow();
				this.errors.add(new AssertionError("The load did not stop within 90 s"));
			}
		}

	}

}
