package io.miniauth.server.admin.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.miniauth.server.app.MiniApps;
import io.miniauth.server.operator.OperatorProperties;
import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.MiniAuthTest;
import io.miniauth.server.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static io.miniauth.server.persistence.UtcTimestamps.toColumn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How long the dashboard's {@code GET /admin/api/stats} takes on a million users with two
 * million authentication events over the last 30 days and 300,000 active sessions, on H2:
 * the first calls (which roll up the days that are over), the next ones, and another
 * instance's (which finds the days in {@code stats_daily}). Slow to set up (about a
 * minute), so it runs only when asked:
 * {@code ./mvnw -pl server -am test -Dtest=StatsOnAMillionUsersTests -Dminiauth.bench=stats
 * -Dsurefire.failIfNoSpecifiedTests=false}. It prints the figures.
 */
@MiniAuthTest
@TestPropertySource(properties = "miniauth.admin.api-keys=bench-key")
@EnabledIfSystemProperty(named = "miniauth.bench", matches = "stats")
class StatsOnAMillionUsersTests {

	static final int USERS = 1_000_000;

	static final int EVENTS = 2_000_000;

	static final int SESSIONS = 300_000;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	StatsRepository stats;

	@Autowired
	DailyStatsTable table;

	@Autowired
	MiniApps apps;

	@Autowired
	OperatorProperties properties;

	private Reply get(int days) {
		return new Api(this.port).get("/admin/api/stats?days=" + days, "Authorization", "Bearer bench-key");
	}

	/**
	 * A login now, as traffic would bring between two dashboard loads: H2 answers a query
	 * it ran before from its last result while the database is unchanged, which would
	 * flatter every figure after the first.
	 */
	private void loginNow() {
		this.jdbc.sql("""
				INSERT INTO auth_events (id, occurred_at, event, outcome, appid, user_id)
				VALUES (:id, :at, 'LOGIN', 'ok', 'wxminiauthdemo0001', 'u1')
				""").param("id", UUID.randomUUID().toString()).param("at", toColumn(this.clock.instant())).update();
	}

	private long call(int days) throws Exception {
		loginNow();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/admin/api/stats?days=" + days))
			.header("Authorization", "Bearer bench-key")
			.timeout(Duration.ofMinutes(10))
			.build();
		long started = System.nanoTime();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return Duration.ofNanos(System.nanoTime() - started).toMillis();
	}

	@Test
	void statsWhenMillionUsersThenAnsweredQuickly() throws Exception {
		long started = System.nanoTime();
		Instant now = this.clock.instant();
		long nowSeconds = now.getEpochSecond();
		// users over the last year, events and sessions over the last 30 days
		this.jdbc.sql("""
				INSERT INTO users (id, appid, openid, created_at, updated_at, last_login_at)
				SELECT 'u' || X, 'wxminiauthdemo0001', 'o' || X,
				    DATEADD(SECOND, -MOD(X * 7919, 31536000), TIMESTAMP '1970-01-01 00:00:00' + :now SECOND),
				    CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
				FROM SYSTEM_RANGE(1, :n)
				""".replace(":now SECOND", "INTERVAL '" + nowSeconds + "' SECOND")).param("n", USERS).update();
		this.jdbc.sql("""
				INSERT INTO auth_events (id, occurred_at, event, outcome, errcode, appid, user_id)
				SELECT 'e' || X,
				    DATEADD(SECOND, -MOD(X * 104729, 2592000), TIMESTAMP '1970-01-01 00:00:00' + INTERVAL 'NOW' SECOND),
				    CASE WHEN MOD(X, 3) = 0 THEN 'REFRESH' ELSE 'LOGIN' END,
				    CASE WHEN MOD(X, 50) = 1 THEN 'INVALID_CODE' WHEN MOD(X, 97) = 2 THEN 'WECHAT_ERROR' ELSE 'ok' END,
				    CASE WHEN MOD(X, 97) = 2 THEN -1 END,
				    'wxminiauthdemo0001', 'u' || (MOD(X * 31, :users) + 1)
				FROM SYSTEM_RANGE(1, :n)
				""".replace("'NOW'", "'" + nowSeconds + "'")).param("n", EVENTS).param("users", USERS).update();
		this.jdbc.sql("""
				INSERT INTO sessions (id, user_id, appid, created_at, last_used_at, expires_at)
				SELECT 's' || X, 'u' || X, 'wxminiauthdemo0001', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,
				    DATEADD(DAY, 30, CURRENT_TIMESTAMP)
				FROM SYSTEM_RANGE(1, :n)
				""").param("n", SESSIONS).update();
		System.out.printf("stats benchmark: data set generated in %d s%n",
				Duration.ofNanos(System.nanoTime() - started).toSeconds());

		// the first calls roll up the days that are over (as much as their budget allows,
		// the rest in the background); later ones read them from stats_daily and count
		// today only
		for (int days : new int[] { 7, 30 }) {
			long started7 = System.nanoTime();
			Reply first = get(days);
			System.out.printf("stats benchmark: days=%d, first call %d ms, %d days pending%n", days,
					Duration.ofNanos(System.nanoTime() - started7).toMillis(), first.json().get("pendingDays").size());
		}
		long waited = System.nanoTime();
		await().atMost(Duration.ofMinutes(10))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> get(30).json().get("pendingDays").isEmpty());
		System.out.printf("stats benchmark: every day of 30 rolled up %d ms after the first calls%n",
				Duration.ofNanos(System.nanoTime() - waited).toMillis());
		for (int days : new int[] { 7, 30 }) {
			List<Long> warm = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				warm.add(call(days));
			}
			System.out.printf("stats benchmark: days=%d, next 5 calls %s ms%n", days, warm);
		}
		// another instance: nothing in memory, the days that are over in the table
		DailyCounts fresh = new DailyCounts(this.stats, this.table, Duration.ofSeconds(3), this.clock);
		try {
			AdminStatsController other = new AdminStatsController(this.stats, fresh, this.apps, this.properties,
					this.clock);
			List<Long> otherInstance = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				loginNow();
				long at = System.nanoTime();
				assertThat(other.stats(30, null).pendingDays()).isEmpty();
				otherInstance.add(Duration.ofNanos(System.nanoTime() - at).toMillis());
			}
			System.out.printf("stats benchmark: days=30 on another instance, 3 calls %s ms%n", otherInstance);
			long live = System.nanoTime();
			loginNow();
			other.stats(1, null);
			System.out.printf("stats benchmark: today only (days=1) %d ms%n",
					Duration.ofNanos(System.nanoTime() - live).toMillis());
		}
		finally {
			fresh.destroy();
		}
		Reply reply = new Api(this.port).get("/admin/api/stats?days=30", "Authorization", "Bearer bench-key");
		long logins = 0;
		for (var value : reply.json().get("apps").get(0).get("logins")) {
			logins += value.asLong();
		}
		assertThat(logins).isPositive();
	}

}
