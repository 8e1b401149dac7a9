package io.miniauth.server.admin.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.ServerHttpTests;
import io.miniauth.server.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static io.miniauth.server.persistence.UtcTimestamps.toColumn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's days that are over, rolled up once into {@code stats_daily} and read
 * from there; today counted live; days cut at the stats zone's midnight; two instances
 * rolling up the same day; a request that runs out of time naming the days left.
 */
@TestPropertySource(properties = "miniauth.admin.api-keys=admin-api-key-for-tests")
class DailyStatsIntegrationTests extends ServerHttpTests {

	static final String[] ADMIN = { "Authorization", "Bearer admin-api-key-for-tests" };

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatsRepository stats;

	@Autowired
	DailyStatsTable table;

	String appid;

	@BeforeEach
	void setUp() {
		this.appid = "wxstats" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	@Test
	void statsWhenDayIsOverThenRolledUpOnceAndReadFromTheTableWhileTodayIsLive() {
		ZoneId zone = ZoneId.of("Pacific/Chatham");
		Instant startOfToday = LocalDate.ofInstant(this.clock.instant(), zone).atStartOfDay(zone).toInstant();
		if (startOfToday.plus(Duration.ofMinutes(6)).isAfter(this.clock.instant())) {
			this.clock.advance(Duration.ofMinutes(10));
		}
		Instant yesterday = startOfToday.minus(Duration.ofHours(12));
		Instant today = startOfToday.plus(Duration.between(startOfToday, this.clock.instant()).dividedBy(2));
		login(yesterday, "ok");
		login(yesterday, "ok");
		login(today, "ok");
		String path = "/admin/api/stats?days=2&zone=Pacific/Chatham";

		JsonNode first = appOf(this.api.get(path, ADMIN).json());
		long rowsAfterFirst = rollUpRows(zone);
		login(yesterday, "ok");
		login(today, "ok");
		JsonNode second = appOf(this.api.get(path, ADMIN).json());

		assertThat(first.get("logins").get(0).asLong()).isEqualTo(2);
		assertThat(first.get("logins").get(1).asLong()).isEqualTo(1);
		// yesterday from its roll-up: a row written since is not read again
		assertThat(second.get("logins").get(0).asLong()).isEqualTo(2);
		// today from the raw rows, at every request
		assertThat(second.get("logins").get(1).asLong()).isEqualTo(2);
		assertThat(rowsAfterFirst).isPositive();
		assertThat(rollUpRows(zone)).isEqualTo(rowsAfterFirst);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM stats_daily WHERE stats_zone = :zone AND local_day = :day")
			.param("zone", zone.getId())
			.param("day", LocalDate.ofInstant(this.clock.instant(), zone))
			.query(Long.class)
			.single()).as("today is never rolled up").isZero();
	}

	@Test
	void statsWhenPhoneBoundThenPaidCallCountedToday() {
		String user = "paid-" + UUID.randomUUID();
		String token = this.api.token(user);
		JsonNode before = this.api.get("/admin/api/stats?days=1", ADMIN).json();
		String code = phoneCode(user, "139");
		assertThat(this.api.post("/user/phone", Api.json(Map.of("code", code)), "Authorization", "Bearer " + token)
			.status()).isEqualTo(200);

		JsonNode after = this.api.get("/admin/api/stats?days=1", ADMIN).json();

		assertThat(after.get("pendingDays")).isEmpty();
		assertThat(after.get("apps").get(0).get("paidCalls").get(0).asLong())
			.isEqualTo(before.get("apps").get(0).get("paidCalls").get(0).asLong() + 1);
	}

	@Test
	void statsWhenLoggedInWithAPhoneCodeThenPaidCallCountedToday() {
		String user = "paid-login-" + UUID.randomUUID();
		JsonNode before = this.api.get("/admin/api/stats?days=1", ADMIN).json();
		String phoneCode = phoneCode(user, "138");
		assertThat(
				this.api.post("/user/login", Api.json(Map.of("code", this.api.wxLogin(user), "phoneCode", phoneCode)))
					.status())
			.isEqualTo(200);

		JsonNode after = this.api.get("/admin/api/stats?days=1", ADMIN).json();

		assertThat(after.get("apps").get(0).get("paidCalls").get(0).asLong())
			.isEqualTo(before.get("apps").get(0).get("paidCalls").get(0).asLong() + 1);
	}

	@Test
	void rollUpWhenEventsAroundMidnightThenEachZoneCutsItsOwnDays() {
		MutableClock clock = new MutableClock(Instant.parse("2021-06-01T16:20:00Z"));
		DailyCounts daily = new DailyCounts(this.stats, this.table, Duration.ofMinutes(1), clock);
		// 23:50 and 00:10 in Shanghai, both on the 1st of June in UTC
		login(Instant.parse("2021-06-01T15:50:00Z"), "ok");
		login(Instant.parse("2021-06-01T16:10:00Z"), "ok");
		LocalDate june1 = LocalDate.parse("2021-06-01");
		LocalDate june2 = LocalDate.parse("2021-06-02");
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		ZoneId utc = ZoneId.of("UTC");
		try {
			DailyCounts.Days inShanghai = daily.of(List.of(june1, june2), shanghai);
			DailyCounts.Days inUtc = daily.of(List.of(june1), utc);
			boolean utcRolledUpBeforeMidnight = this.table.read(utc, june1, june1).containsKey(june1);
			clock.advance(Duration.ofHours(7).plusMinutes(46));
			DailyCounts.Days inUtcNextDay = daily.of(List.of(june1, june2), utc);

			assertThat(logins(inShanghai, june1)).isEqualTo(1);
			assertThat(logins(inShanghai, june2)).isEqualTo(1);
			assertThat(this.table.read(shanghai, june1, june2)).containsOnlyKeys(june1);
			assertThat(logins(inUtc, june1)).isEqualTo(2);
			assertThat(utcRolledUpBeforeMidnight).as("the 1st is today in UTC until its midnight").isFalse();
			assertThat(logins(inUtcNextDay, june1)).isEqualTo(2);
			assertThat(this.table.read(utc, june1, june2)).containsOnlyKeys(june1);
		}
		finally {
			daily.destroy();
		}
	}

	@Test
	void rollUpWhenTwoInstancesWriteTheSameDayAtOnceThenWrittenOnceWithoutError() throws Exception {
		LocalDate day = LocalDate.parse("2021-07-04");
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		login(day.atStartOfDay(zone).plusHours(9).toInstant(), "ok");
		login(day.atStartOfDay(zone).plusHours(10).toInstant(), "INVALID_CODE");
		Instant from = day.atStartOfDay(zone).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
		DailyCounts.Day figures = new DailyCounts.Day(this.stats.newUsers(from, to), this.stats.logins(from, to),
				this.stats.activeUsers(from, to), this.stats.weChatErrors(from, to),
				this.stats.phoneBindingsPaid(from, to));
		CyclicBarrier together = new CyclicBarrier(2);

		List<CompletableFuture<Boolean>> writes = List.of(1, 2)
			.stream()
			.map((instance) -> CompletableFuture.supplyAsync(() -> {
				try {
					together.await();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return this.table.insert(zone, day, figures);
			}))
			.toList();

		assertThat(writes.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder(true, false);
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM stats_daily
				WHERE stats_zone = :zone AND local_day = :day AND figure = 'day'
				""").param("zone", zone.getId()).param("day", day).query(Long.class).single()).isEqualTo(1);
		DailyCounts.Day read = this.table.read(zone, day, day).get(day);
		assertThat(read.logins()).filteredOn((count) -> this.appid.equals(count.appid()))
			.extracting(StatsRepository.Count::key, StatsRepository.Count::count)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ok", 1L),
					org.assertj.core.groups.Tuple.tuple("INVALID_CODE", 1L));
	}

	@Test
	void rollUpWhenTwoInstancesNeedTheSameDayThenBothAnswerItAndItIsStoredOnce() {
		LocalDate day = LocalDate.parse("2021-08-08");
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		login(day.atStartOfDay(zone).plusHours(12).toInstant(), "ok");
		MutableClock clock = new MutableClock(Instant.parse("2021-08-20T00:00:00Z"));
		DailyCounts one = new DailyCounts(this.stats, this.table, Duration.ofMinutes(1), clock);
		DailyCounts other = new DailyCounts(this.stats, this.table, Duration.ofMinutes(1), clock);
		try {
			CompletableFuture<DailyCounts.Days> first = CompletableFuture.supplyAsync(() -> one.of(List.of(day), zone));
			CompletableFuture<DailyCounts.Days> second = CompletableFuture
				.supplyAsync(() -> other.of(List.of(day), zone));

			assertThat(logins(first.join(), day)).isEqualTo(1);
			assertThat(logins(second.join(), day)).isEqualTo(1);
			assertThat(this.jdbc.sql("""
					SELECT COUNT(*) FROM stats_daily
					WHERE stats_zone = :zone AND local_day = :day AND figure = 'logins' AND appid = :appid
					""")
				.param("zone", zone.getId())
				.param("day", day)
				.param("appid", this.appid)
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		finally {
			one.destroy();
			other.destroy();
		}
	}

	@Test
	void statsWhenBudgetSpentThenDaysLeftArePendingAndRolledUpInTheBackground() {
		LocalDate first = LocalDate.parse("2021-09-01");
		LocalDate second = first.plusDays(1);
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		login(second.atStartOfDay(zone).plusHours(8).toInstant(), "ok");
		MutableClock clock = new MutableClock(Instant.parse("2021-09-10T00:00:00Z"));
		DailyCounts daily = new DailyCounts(this.stats, this.table, Duration.ZERO, clock);
		try {
			DailyCounts.Days days = daily.of(List.of(first, second), zone);

			assertThat(days.pending()).containsExactly(first, second);
			assertThat(days.ready()).isEmpty();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.table.read(zone, first, second).keySet(), (done) -> done.size() == 2);
			DailyCounts.Days later = daily.of(List.of(first, second), zone);
			assertThat(later.pending()).isEmpty();
			assertThat(logins(later, second)).isEqualTo(1);
		}
		finally {
			daily.destroy();
		}
	}

	private long logins(DailyCounts.Days days, LocalDate date) {
		return days.ready()
			.get(date)
			.logins()
			.stream()
			.filter((count) -> this.appid.equals(count.appid()) && "ok".equals(count.key()))
			.mapToLong(StatsRepository.Count::count)
			.sum();
	}

	private void login(Instant at, String outcome) {
		this.jdbc.sql("""
				INSERT INTO auth_events (id, occurred_at, event, outcome, appid, user_id)
				VALUES (:id, :at, 'LOGIN', :outcome, :appid, :user)
				""")
			.param("id", UUID.randomUUID().toString())
			.param("at", toColumn(at))
			.param("outcome", outcome)
			.param("appid", this.appid)
			.param("user", UUID.randomUUID().toString())
			.update();
	}

	private JsonNode appOf(JsonNode stats) {
		for (JsonNode app : stats.get("apps")) {
			if (this.appid.equals(app.get("appid").asString())) {
				return app;
			}
		}
		throw new AssertionError("no stats for " + this.appid + " in " + stats);
	}

	private long rollUpRows(ZoneId zone) {
		return this.jdbc.sql("SELECT COUNT(*) FROM stats_daily WHERE stats_zone = :zone")
			.param("zone", zone.getId())
			.query(Long.class)
			.single();
	}

	/**
	 * A phone code from the emulator for a number of the user's own (the prefix and 8
	 * digits).
	 */
	private String phoneCode(String user, String prefix) {
		String number = prefix + String.valueOf(Math.abs(user.hashCode()) % 100_000_000 + 100_000_000).substring(1);
		return this.api.post("/emulator/wx/phone-code", Api.json(Map.of("user", user, "phoneNumber", number)))
			.json()
			.get("code")
			.asString();
	}

}
