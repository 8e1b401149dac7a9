package io.miniauth.server.admin.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.ServerHttpTests;
import io.miniauth.server.support.Api.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API through HTTP with API keys: users (filters, keyset pages, detail, CSV
 * export), sessions ended by an operator, events, stats, apps, the operator audit trail
 * and the OpenAPI document; what a viewer may not do.
 */
@TestPropertySource(properties = "miniauth.admin.api-keys=admin-api-key-for-tests")
class AdminApiIntegrationTests extends ServerHttpTests {

	static final String[] ADMIN = { "Authorization", "Bearer admin-api-key-for-tests" };

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	String[] viewer() {
		String key = this.api.post("/admin/api/api-keys", Api.json(Map.of("name", "viewer", "role", "viewer")), ADMIN)
			.json()
			.get("key")
			.asString();
		return new String[] { "Authorization", "Bearer " + key };
	}

	@Test
	void usersWhenFilteredByOpenidThenOnlyThatUserWithStatus() {
		JsonNode login = this.api.login("ticket-4711").json();
		this.api.login("someone-else");
		String openid = login.get("user").get("openid").asString();

		Reply found = this.api.get("/admin/api/users?openid=" + openid, ADMIN);

		assertThat(found.status()).isEqualTo(200);
		JsonNode users = found.json().get("users");
		assertThat(users).hasSize(1);
		assertThat(users.get(0).get("id").asString()).isEqualTo(login.get("user").get("id").asString());
		assertThat(users.get(0).get("status").asString()).isEqualTo("active");
		assertThat(users.get(0).has("statusUntil")).isTrue();
		assertThat(found.body()).doesNotContain("session_key").doesNotContain("sessionKey");
	}

	@Test
	void usersWhenNicknameContainsThenFoundInAnyCase() {
		String token = this.api.login("nick-search").json().get("token").asString();
		this.api.patch("/user/me", Api.json(Map.of("nickName", "小明 TheCoder")), "Authorization", "Bearer " + token);

		JsonNode users = this.api.get("/admin/api/users?nickname=thecoder", ADMIN).json().get("users");
		JsonNode chinese = this.api.get("/admin/api/users?nickname=%E5%B0%8F%E6%98%8E", ADMIN).json().get("users");

		assertThat(users).hasSize(1);
		assertThat(chinese).hasSize(1);
		assertThat(users.get(0).get("nickName").asString()).isEqualTo("小明 TheCoder");
	}

	@Test
	void usersWhenPagedWhileUsersSignUpThenNoUserTwiceOrSkipped() {
		String app = "wxpaging" + Long.toHexString(System.nanoTime()).substring(0, 6);
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			expected.add(0, insertUser(app, "paged-" + i, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)));
		}
		JsonNode first = this.api.get("/admin/api/users?appid=" + app + "&limit=3", ADMIN).json();
		for (int i = 0; i < 3; i++) {
			insertUser(app, "newcomer-" + i, Instant.parse("2026-02-01T00:00:00Z").plusSeconds(i));
		}

		List<String> seen = new ArrayList<>(ids(first));
		String cursor = first.get("nextCursor").asString();
		while (cursor != null) {
			JsonNode page = this.api.get("/admin/api/users?appid=" + app + "&limit=3&cursor=" + cursor, ADMIN).json();
			seen.addAll(ids(page));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
		}

		assertThat(seen).containsExactlyElementsOf(expected);
	}

	@Test
	void usersWhenCursorForgedThen400() {
		Reply reply = this.api.get("/admin/api/users?cursor=not-a-cursor", ADMIN);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("INVALID_REQUEST");
	}

	@Test
	void userWhenKnownThenProfileSessionsAndEvents() {
		JsonNode login = this.api.login("detail-user").json();
		String id = login.get("user").get("id").asString();

		JsonNode detail = this.api.get("/admin/api/users/" + id, ADMIN).json();

		assertThat(detail.get("id").asString()).isEqualTo(id);
		assertThat(detail.get("status").asString()).isEqualTo("active");
		assertThat(detail.get("sessions")).hasSize(1);
		assertThat(detail.get("events").get(0).get("event").asString()).isEqualTo("login");
	}

	@Test
	void userWhenUnknownThen404() {
		Reply reply = this.api.get("/admin/api/users/" + UUID.randomUUID(), ADMIN);

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.code()).isEqualTo("USER_NOT_FOUND");
	}

	@Test
	void endSessionWhenOperatorThenThatTokenRefusedAndAudited() {
		JsonNode login = this.api.login("support-ticket").json();
		String id = login.get("user").get("id").asString();
		String token = login.get("token").asString();
		String sid = firstSessionId(id);

		Reply ended = this.api.send("DELETE", "/admin/api/users/" + id + "/sessions/" + sid, BodyPublishers.noBody(),
				ADMIN);

		assertThat(ended.status()).isEqualTo(204);
		Reply refused = this.api.get("/user/me", "Authorization", "Bearer " + token);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.code()).isEqualTo("TOKEN_REVOKED");
		assertThat(this.jdbc.sql("SELECT revoked_reason FROM sessions WHERE id = :id")
			.param("id", sid)
			.query(String.class)
			.single()).isEqualTo("ENDED_BY_OPERATOR");
		JsonNode audit = this.api.get("/admin/api/audit?userId=" + id, ADMIN).json().get("events").get(0);
		assertThat(audit.get("action").asString()).isEqualTo("session_ended");
		assertThat(audit.get("detail").asString()).as("data the console words").isEqualTo(sid);
		assertThat(audit.get("actor").asString()).isEqualTo("key:config");
		assertThat(audit.get("ip").asString()).isEqualTo("127.0.0.1");
	}

	@Test
	void endSessionWhenAlreadyEndedThen404WordedForTheOperator() {
		JsonNode login = this.api.login("ended-twice").json();
		String id = login.get("user").get("id").asString();
		String sid = firstSessionId(id);
		String path = "/admin/api/users/" + id + "/sessions/" + sid;
		this.api.send("DELETE", path, BodyPublishers.noBody(), ADMIN);

		Reply zh = this.api.send("DELETE", path, BodyPublishers.noBody(), ADMIN[0], ADMIN[1], "Accept-Language",
				"zh-CN");
		Reply en = this.api.send("DELETE", path, BodyPublishers.noBody(), ADMIN[0], ADMIN[1], "Accept-Language", "en");

		assertThat(zh.status()).isEqualTo(404);
		assertThat(zh.code()).isEqualTo("SESSION_NOT_FOUND");
		assertThat(zh.json().get("msg").asString()).isEqualTo("没有找到这个登录会话，它可能已经退出或被结束");
		assertThat(en.json().get("msg").asString())
			.isEqualTo("No active session has that id: it may have ended already")
			.doesNotContain("yours");
	}

	@Test
	void banWhenAuditedThenDetailIsDataTheConsoleWords() {
		String id = this.api.login("ban-audited").json().get("user").get("id").asString();
		String until = this.clock.instant().plus(Duration.ofDays(7)).toString();
		this.api.post("/admin/api/users/" + id + "/ban", Api.json(Map.of("until", until, "reason", "刷单")), ADMIN);
		this.clock.advance(Duration.ofSeconds(1));
		this.api.send("DELETE", "/admin/api/users/" + id + "/ban", BodyPublishers.noBody(), ADMIN);
		this.clock.advance(Duration.ofSeconds(1));
		this.api.post("/admin/api/users/" + id + "/ban", "{}", ADMIN);

		JsonNode events = this.api.get("/admin/api/audit?userId=" + id, ADMIN).json().get("events");

		JsonNode permanent = JsonMapper.builder().build().readTree(events.get(0).get("detail").asString());
		JsonNode timed = JsonMapper.builder().build().readTree(events.get(2).get("detail").asString());
		assertThat(events.get(2).get("action").asString()).isEqualTo("user_banned");
		assertThat(timed.get("until").asString()).isEqualTo(until);
		assertThat(timed.get("durationSeconds").asLong()).isEqualTo(Duration.ofDays(7).toSeconds());
		assertThat(timed.get("reason").asString()).isEqualTo("刷单");
		assertThat(permanent.get("until").isNull()).isTrue();
		assertThat(permanent.get("durationSeconds").isNull()).isTrue();
		assertThat(permanent.get("reason").isNull()).isTrue();
	}

	@Test
	void endSessionsWhenOperatorThenAllEnded() {
		JsonNode first = this.api.login("two-phones").json();
		String second = this.api.token("two-phones");
		String id = first.get("user").get("id").asString();

		Reply ended = this.api.send("DELETE", "/admin/api/users/" + id + "/sessions", BodyPublishers.noBody(), ADMIN);

		assertThat(ended.json().get("ended").asInt()).isEqualTo(2);
		assertThat(this.api.get("/user/me", "Authorization", "Bearer " + second).status()).isEqualTo(401);
		assertThat(this.api.get("/admin/api/users/" + id + "/sessions", ADMIN).json().get("sessions")).isEmpty();
	}

	@Test
	void endSessionWhenViewerThen403AndSessionStays() {
		JsonNode login = this.api.login("viewer-target").json();
		String id = login.get("user").get("id").asString();

		Reply refused = this.api.send("DELETE", "/admin/api/users/" + id + "/sessions", BodyPublishers.noBody(),
				viewer());

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("FORBIDDEN");
		assertThat(this.api.get("/user/me", "Authorization", "Bearer " + login.get("token").asString()).status())
			.isEqualTo(200);
	}

	@Test
	void viewerWhenReadingThenEveryReadRouteAnswers() {
		String[] viewer = viewer();
		String id = this.api.login("read-only").json().get("user").get("id").asString();

		for (String path : List.of("/admin/api/users", "/admin/api/users/" + id, "/admin/api/users/export",
				"/admin/api/users/" + id + "/sessions", "/admin/api/events", "/admin/api/stats", "/admin/api/apps",
				"/admin/api/audit", "/admin/api/health", "/admin/api/session")) {
			assertThat(this.api.get(path, viewer).status()).as(path).isEqualTo(200);
		}
	}

	@Test
	void eventsWhenFilteredByUserAndTypeThenOnlyThose() {
		JsonNode login = this.api.login("event-user").json();
		String id = login.get("user").get("id").asString();
		this.api.post("/user/logout", "{}", "Authorization", "Bearer " + login.get("token").asString());

		JsonNode events = this.api.get("/admin/api/events?userId=" + id + "&event=logout", ADMIN).json().get("events");

		assertThat(events).hasSize(1);
		assertThat(events.get(0).get("event").asString()).isEqualTo("logout");
		assertThat(events.get(0).get("userId").asString()).isEqualTo(id);
	}

	@Test
	void statsWhenLoginsTodayThenCountedOnTodayInShanghai() {
		JsonNode before = todayOf(this.api.get("/admin/api/stats?days=3", ADMIN).json());
		this.api.login("stats-user-" + UUID.randomUUID());
		this.api.post("/user/login", Api.json(Map.of("code", "0abcdefghijklmnopqrstuvwxyzABCDE")));

		JsonNode stats = this.api.get("/admin/api/stats?days=3", ADMIN).json();
		JsonNode today = todayOf(stats);

		assertThat(stats.get("zone").asString()).isEqualTo("Asia/Shanghai");
		assertThat(stats.get("days")).hasSize(3);
		assertThat(today.get("newUsers").asLong()).isEqualTo(before.get("newUsers").asLong() + 1);
		assertThat(today.get("logins").asLong()).isEqualTo(before.get("logins").asLong() + 1);
		assertThat(today.get("invalidCode").asLong()).isEqualTo(before.get("invalidCode").asLong() + 1);
		assertThat(today.get("dailyActiveUsers").asLong()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void statsWhenDaysOutOfRangeThen400() {
		assertThat(this.api.get("/admin/api/stats?days=400", ADMIN).code()).isEqualTo("INVALID_REQUEST");
		assertThat(this.api.get("/admin/api/stats?zone=Mars/Olympus", ADMIN).code()).isEqualTo("INVALID_REQUEST");
	}

	@Test
	void appsWhenListedThenStateWithoutSecrets() {
		Reply apps = this.api.get("/admin/api/apps", ADMIN);

		JsonNode app = apps.json().get("apps").get(0);
		assertThat(app.get("circuit").asString()).isEqualTo("closed");
		assertThat(app.get("accessToken").get("state").asString()).isIn("none", "valid", "expired");
		assertThat(apps.body()).doesNotContainIgnoringCase("secret");
	}

	@Test
	void exportWhenTenThousandUsersThenStreamedCsvWithBom() throws Exception {
		String app = "wxexport" + Long.toHexString(System.nanoTime()).substring(0, 6);
		Instant t0 = Instant.parse("2025-06-01T00:00:00Z");
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			Timestamp at = Timestamp.valueOf(LocalDateTime.ofInstant(t0.plusSeconds(i), ZoneOffset.UTC));
			rows.add(new Object[] { UUID.randomUUID().toString(), app, "openid-" + i,
					(i == 0) ? "=HYPERLINK(1)" : "用户" + i, at, at, at });
		}
		this.jdbcTemplate.batchUpdate("INSERT INTO users (id, appid, openid, nick_name, created_at, updated_at, "
				+ "last_login_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);

		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/admin/api/users/export?appid=" + app))
				.header(ADMIN[0], ADMIN[1])
				.build(), HttpResponse.BodyHandlers.ofInputStream());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(response.headers().firstValue("Content-Length")).isEmpty();
		Set<String> openids = new HashSet<>();
		String header;
		String last = null;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			header = reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				openids.add(line.split(",")[2]);
				last = line;
			}
		}
		assertThat(header).startsWith("\uFEFFid,appid,openid");
		assertThat(openids).hasSize(10_000);
		assertThat(last).contains("'=HYPERLINK(1)").contains("2025-06-01 08:00:00");
	}

	@Test
	void openApiWhenReadThenAdminRoutesUnderAdminTag() {
		JsonNode docs = this.api.get("/v3/api-docs").json();

		assertThat(docs.get("paths").has("/admin/api/users")).isTrue();
		assertThat(docs.get("paths").get("/admin/api/users").get("get").get("tags").get(0).asString())
			.isEqualTo("admin");
		assertThat(docs.get("paths").has("/admin/api/users/{id}/sessions/{sid}")).isTrue();
	}

	private String firstSessionId(String userId) {
		return this.api.get("/admin/api/users/" + userId + "/sessions", ADMIN)
			.json()
			.get("sessions")
			.get(0)
			.get("id")
			.asString();
	}

	private JsonNode todayOf(JsonNode stats) {
		int last = stats.get("days").size() - 1;
		JsonNode app = stats.get("apps").get(0);
		JsonNode failures = app.get("loginFailures").get("INVALID_CODE");
		return tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.valueToTree(Map.of("newUsers", app.get("newUsers").get(last).asLong(), "logins",
					app.get("logins").get(last).asLong(), "dailyActiveUsers",
					app.get("dailyActiveUsers").get(last).asLong(), "invalidCode",
					(failures != null) ? failures.get(last).asLong() : 0L));
	}

	private String insertUser(String appid, String openid, Instant createdAt) {
		String id = UUID.randomUUID().toString();
		Timestamp at = Timestamp.valueOf(LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC));
		this.jdbcTemplate.update("INSERT INTO users (id, appid, openid, created_at, updated_at, last_login_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", id, appid, openid, at, at, at);
		return id;
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("users").forEach((user) -> ids.add(user.get("id").asString()));
		return ids;
	}

}
