package io.miniauth.server.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authentication event trail: what is recorded, what a user sees of it, what it never
 * holds, its pruning, and the metric that counts the same events.
 */
class AuthEventIntegrationTests extends ServerHttpTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuthEvents events;

	@Test
	void eventsWhenSessionsEndedThenTheirReasonIsTheOutcome() {
		this.api.token("ender");
		String second = this.api.token("ender");
		String other = list(this.api.get("/user/sessions", "Authorization", "Bearer " + second).json().get("sessions"))
			.stream()
			.filter((session) -> !session.get("current").asBoolean())
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString();
		this.api.send("DELETE", "/user/sessions/" + other, java.net.http.HttpRequest.BodyPublishers.noBody(),
				"Authorization", "Bearer " + second);
		this.clock.advance(Duration.ofSeconds(1));
		this.api.post("/user/logout", "", "Authorization", "Bearer " + second);
		String third = this.api.token("ender");

		List<JsonNode> events = list(
				this.api.get("/user/events", "Authorization", "Bearer " + third).json().get("events"));

		assertThat(events).filteredOn((event) -> event.get("event").asString().equals("session_ended"))
			.singleElement()
			.satisfies((event) -> assertThat(event.get("outcome").asString()).isEqualTo("ended_by_user"));
		assertThat(events).filteredOn((event) -> event.get("event").asString().equals("logout"))
			.singleElement()
			.satisfies((event) -> assertThat(event.get("outcome").asString()).isEqualTo("logout"));
	}

	@Test
	void eventsWhenUserActsThenTheirRecentActivityNewestFirstWithoutSecrets() {
		String code = this.api.wxLogin("active");
		JsonNode login = this.api.post("/user/login", Api.json(Map.of("code", code)), "User-Agent", "TestPhone/1.0")
			.json();
		this.clock.advance(Duration.ofSeconds(1));
		JsonNode refreshed = this.api
			.post("/user/token/refresh", Api.json(Map.of("refreshToken", login.get("refreshToken").asString())))
			.json();
		String token = refreshed.get("token").asString();
		this.clock.advance(Duration.ofSeconds(1));
		String phoneCode = this.api.post("/emulator/wx/phone-code", Api.json(Map.of("user", "active")))
			.json()
			.get("code")
			.asString();
		this.api.post("/user/phone", Api.json(Map.of("code", phoneCode)), "Authorization", "Bearer " + token);

		Reply reply = this.api.get("/user/events", "Authorization", "Bearer " + token);

		assertThat(reply.status()).isEqualTo(200);
		List<JsonNode> events = list(reply.json().get("events"));
		assertThat(events).extracting((event) -> event.get("event").asString())
			.containsExactly("phone_bound", "refresh", "login");
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.get("outcome").asString()).isEqualTo("ok");
			assertThat(event.get("ip").asString()).isEqualTo("127.0.0.1");
		});
		assertThat(events.get(2).get("userAgent").asString()).isEqualTo("TestPhone/1.0");
		assertThat(reply.body()).doesNotContain(code)
			.doesNotContain(login.get("token").asString())
			.doesNotContain(login.get("refreshToken").asString())
			.doesNotContain(phoneCode);
	}

	@Test
	void eventsWhenLoginRefusedByWeChatThenRecordedWithErrcode() {
		String refused = "SELECT errcode FROM auth_events WHERE event = 'LOGIN' AND outcome = 'INVALID_CODE'";
		int before = this.jdbc.sql(refused).query(Integer.class).list().size();

		this.api.post("/user/login", Api.json(Map.of("code", "0unknowncode000000000000000000000")));

		List<Integer> errcodes = this.jdbc.sql(refused).query(Integer.class).list();
		assertThat(errcodes).hasSize(before + 1).containsOnly(40029);
	}

	@Test
	void eventsWhenPhoneBindingRefusedThenTheUserSeesItWithItsCode() {
		String token = this.api.token("phone-refused");
		this.clock.advance(Duration.ofSeconds(1));
		this.api.post("/user/phone", Api.json(Map.of("code", "no-such-phone-code")), "Authorization",
				"Bearer " + token);

		List<JsonNode> events = list(
				this.api.get("/user/events", "Authorization", "Bearer " + token).json().get("events"));

		assertThat(events.get(0).get("event").asString()).isEqualTo("phone_bound");
		assertThat(events.get(0).get("outcome").asString()).isEqualTo("INVALID_PHONE_CODE");
		assertThat(events.get(0).get("sessionId").asString()).isNotBlank();
	}

	@Test
	void eventsWhenRefreshReplayedThenRecorded() {
		JsonNode login = this.api.login("replayed").json();
		String refreshToken = login.get("refreshToken").asString();
		this.api.post("/user/token/refresh", Api.json(Map.of("refreshToken", refreshToken)));
		this.clock.advance(Duration.ofSeconds(11));
		this.api.post("/user/token/refresh", Api.json(Map.of("refreshToken", refreshToken)));

		long replays = this.jdbc.sql("SELECT COUNT(*) FROM auth_events WHERE event = 'REFRESH_REPLAY' AND user_id = ?")
			.param(login.at("/user/id").asString())
			.query(Long.class)
			.single();

		assertThat(replays).isEqualTo(1);
	}

	@Test
	void eventsWhenLoggedOutThenLogoutRecorded() {
		JsonNode login = this.api.login("leaving").json();
		this.api.post("/user/logout", "", "Authorization", "Bearer " + login.get("token").asString());
		String again = this.api.token("leaving");

		List<JsonNode> events = list(
				this.api.get("/user/events", "Authorization", "Bearer " + again).json().get("events"));

		assertThat(events).extracting((event) -> event.get("event").asString()).contains("logout");
	}

	@Test
	void pruneWhenOlderThanRetentionThenDeleted() {
		String userId = this.api.login("old-timer").json().at("/user/id").asString();
		this.clock.advance(Duration.ofDays(181));

		this.events.prune();

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM auth_events WHERE user_id = ?")
			.param(userId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void prometheusWhenScrapedThenEventsCountedByEventAndOutcome() {
		this.api.login("counted");
		this.api.post("/user/login", Api.json(Map.of("code", "0unknowncode000000000000000000001")));

		Reply scrape = this.api.get("/actuator/prometheus");

		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.body()).containsPattern("miniauth_auth_events_total\\{.*event=\"login\".*outcome=\"ok\".*\\}")
			.containsPattern("miniauth_auth_events_total\\{.*outcome=\"INVALID_CODE\".*\\}")
			.containsPattern("miniauth_wechat_calls_seconds_count\\{.*api=\"jscode2session\".*\\}")
			.containsPattern("miniauth_wechat_errors_total\\{.*errcode=\"40029\".*\\}")
			.containsPattern("miniauth_problems_total\\{.*code=\"INVALID_CODE\".*\\}")
			.contains("miniauth_sessions_active");
	}

	@Test
	void loginWhenMadeThenItsAuditRowIsCommittedWithIt() {
		String userId = this.api.login("audited-in-one").json().get("user").get("id").asString();

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM auth_events WHERE user_id = ? AND event = 'LOGIN'")
			.param(userId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private static List<JsonNode> list(JsonNode array) {
		List<JsonNode> items = new ArrayList<>();
		array.forEach(items::add);
		return items;
	}

}
