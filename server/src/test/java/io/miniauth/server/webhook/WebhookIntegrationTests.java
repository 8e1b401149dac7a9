package io.miniauth.server.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.miniauth.server.account.AccountLifecycle;
import io.miniauth.server.support.Api;
import io.miniauth.server.support.ServerHttpTests;
import io.miniauth.server.support.Api.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Webhooks end to end: the events a login, a profile change, a phone binding and the end
 * of a session write, their signed delivery to a receiver on loopback, retries while it
 * is down or refusing, the delivery log and replays. The poller is off: each test
 * delivers by calling the dispatcher, with the clock moved instead of waiting.
 */
@TestPropertySource(properties = { "miniauth.webhooks.poll-interval=0s", "miniauth.session.max-per-user=2" })
class WebhookIntegrationTests extends ServerHttpTests {

	static final WebhookReceiver receiver = new WebhookReceiver();

	/** The operator API's key in demo mode. */
	private static final String[] ADMIN = { "Authorization", "Bearer demo-admin-key" };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	WebhookEvents webhooks;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	AccountLifecycle lifecycle;

	@DynamicPropertySource
	static void receiverUrl(DynamicPropertyRegistry registry) {
		receiver.register(registry);
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@BeforeEach
	void setUp() {
		receiver.up();
		receiver.answer(204);
		// what earlier tests left due is delivered or given up first
		this.clock.advance(Duration.ofDays(2));
		this.dispatcher.dispatchAll();
		receiver.clear();
	}

	@Test
	void loginWhenFirstThenUserCreatedAndSessionCreatedDeliveredInOrderWithoutSecrets() {
		String userId = this.api.login("hook-first").json().at("/user/id").asString();

		this.dispatcher.dispatchAll();

		List<WebhookReceiver.Received> received = receivedFor(userId);
		assertThat(received).extracting((delivery) -> body(delivery).get("type").asString())
			.containsExactly("user.created", "session.created");
		for (WebhookReceiver.Received delivery : received) {
			assertThat(delivery.header("webhook-id")).isEqualTo(body(delivery).get("id").asString());
			assertThat(delivery.header("webhook-signature")).matches("v1,\\S+ v1,\\S+");
			assertThat(delivery.body()).doesNotContainIgnoringCase("session_key")
				.doesNotContainIgnoringCase("sessionKey")
				.doesNotContainIgnoringCase("token");
		}
		JsonNode created = body(received.get(0));
		assertThat(created.get("appid").asString()).isNotBlank();
		assertThat(created.at("/data/openid").asString()).isNotBlank();
		assertThat(body(received.get(1)).at("/data/sessionId").asString()).isNotBlank();
	}

	@Test
	void deliverWhenReceiverDownThenEveryEventDeliveredOnceItIsUp() {
		receiver.down();
		String first = this.api.login("hook-down-1").json().at("/user/id").asString();
		String token = this.api.token("hook-down-1");
		this.api.patch("/user/me", "{\"nickName\":\"Down\"}", "Authorization", "Bearer " + token);
		this.api.post("/user/logout", "", "Authorization", "Bearer " + token);
		String second = this.api.login("hook-down-2").json().at("/user/id").asString();

		for (int i = 0; i < 6; i++) {
			this.dispatcher.dispatchAll();
			this.clock.advance(Duration.ofMinutes(10));
		}
		// the first pending delivery of each user was tried; the later ones wait for it
		assertThat(pendingErrors()).isNotEmpty().allMatch((error) -> error.startsWith("connection failed"));
		receiver.up();
		for (int i = 0; i < 4; i++) {
			this.clock.advance(Duration.ofHours(1));
			this.dispatcher.dispatchAll();
		}

		Set<String> expected = eventIds(first, second);
		Set<String> delivered = receivedFor(first, second).stream()
			.map((delivery) -> delivery.header("webhook-id"))
			.collect(Collectors.toSet());
		assertThat(expected).hasSize(7);
		assertThat(delivered).isEqualTo(expected);
		assertThat(receivedFor(first)).extracting((delivery) -> body(delivery).get("type").asString())
			.containsExactly("user.created", "session.created", "session.created", "user.updated", "session.ended");
	}

	@Test
	void publishWhenTransactionRollsBackThenNothingIsWrittenOrSent() {
		long before = this.jdbc.sql("SELECT COUNT(*) FROM webhook_events").query(Long.class).single();

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
				this.webhooks.publish(WebhookEventType.USER_UPDATED, "wxrolledback", "rolled-back-user",
						Map.of("fields", List.of("nickName")));
				throw new IllegalStateException("the change fails after the event was written");
			}));
		this.dispatcher.dispatchAll();

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM webhook_events").query(Long.class).single()).isEqualTo(before);
		assertThat(receivedFor("rolled-back-user")).isEmpty();
	}

	@Test
	void publishWhenNoTransactionThenRefused() {
		assertThatExceptionOfType(IllegalTransactionStateException.class).isThrownBy(() -> this.webhooks
			.publish(WebhookEventType.USER_UPDATED, "wxnotx", "no-tx-user", Map.of("fields", List.of())));
	}

	@Test
	void sessionEndedWhenLogoutCapOrRefreshReplayThenCarriesSessionAndReason() {
		JsonNode login = this.api.login("hook-ends").json();
		String userId = login.at("/user/id").asString();
		String refreshToken = login.get("refreshToken").asString();
		this.api.post("/user/token/refresh", Api.json(Map.of("refreshToken", refreshToken)));
		this.clock.advance(Duration.ofMinutes(1));
		// the replay ends the first session
		this.api.post("/user/token/refresh", Api.json(Map.of("refreshToken", refreshToken)));
		this.api.login("hook-ends");
		this.api.login("hook-ends");
		// a third active session ends the oldest of the two others (the cap is 2)
		String newest = this.api.token("hook-ends");
		this.api.post("/user/logout", "", "Authorization", "Bearer " + newest);

		this.dispatcher.dispatchAll();

		List<JsonNode> ended = receivedFor(userId).stream()
			.map(WebhookIntegrationTests::body)
			.filter((event) -> event.get("type").asString().equals("session.ended"))
			.toList();
		assertThat(ended).extracting((event) -> event.at("/data/reason").asString())
			.containsExactlyInAnyOrder("refresh_replay", "session_limit", "logout");
		assertThat(ended).allMatch((event) -> !event.at("/data/sessionId").asString().isBlank());
	}

	@Test
	void profileAndPhoneWhenChangedThenUserUpdatedNamesFieldsAndPhoneBoundCarriesNumber() {
		JsonNode login = this.api.login("hook-profile").json();
		String userId = login.at("/user/id").asString();
		String token = login.get("token").asString();
		this.api.patch("/user/me", "{\"nickName\":\"Ann\",\"signature\":\"hi\"}", "Authorization", "Bearer " + token);
		// nothing changed: no event
		this.api.patch("/user/me", "{\"nickName\":\"Ann\"}", "Authorization", "Bearer " + token);
		String code = this.api
			.post("/emulator/wx/phone-code", Api.json(Map.of("user", "hook-profile", "phoneNumber", "13912345678")))
			.json()
			.get("code")
			.asString();
		assertThat(this.api.post("/user/phone", Api.json(Map.of("code", code)), "Authorization", "Bearer " + token)
			.status()).isEqualTo(200);

		this.dispatcher.dispatchAll();

		List<JsonNode> events = receivedFor(userId).stream().map(WebhookIntegrationTests::body).toList();
		assertThat(events).extracting((event) -> event.get("type").asString())
			.containsExactly("user.created", "session.created", "user.updated", "user.phone_bound");
		assertThat(events.get(2).at("/data/fields").valueStream().map(JsonNode::asString)).containsExactly("nickName",
				"signature");
		assertThat(events.get(3).at("/data/purePhoneNumber").asString()).isEqualTo("13912345678");
	}

	@Test
	void deliverWhenReceiverAnswers503WithRetryAfterThenWaitsThatLongAndKeepsTheUsersOrder() {
		receiver.answer(503, "120");
		String userId = this.api.login("hook-retry-after").json().at("/user/id").asString();

		this.dispatcher.dispatchAll();
		// session.created waits behind user.created
		assertThat(receivedFor(userId)).hasSize(1);
		this.clock.advance(Duration.ofSeconds(119));
		this.dispatcher.dispatchAll();
		assertThat(receivedFor(userId)).hasSize(1);
		receiver.answer(204);
		this.clock.advance(Duration.ofSeconds(1));
		this.dispatcher.dispatchAll();

		assertThat(receivedFor(userId)).extracting((delivery) -> body(delivery).get("type").asString())
			.containsExactly("user.created", "user.created", "session.created");
		JsonNode log = deliveries("eventId=" + receivedFor(userId).get(0).header("webhook-id"));
		assertThat(log.get(0).get("status").asString()).isEqualTo("DELIVERED");
		assertThat(log.get(0).get("attempts").asInt()).isEqualTo(2);
		assertThat(log.get(0).get("lastStatus").asInt()).isEqualTo(204);
	}

	@Test
	void deliverWhenReceiverAnswers400ThenGivenUpAtOnceAndTheNextEventGoesOut() {
		receiver.answer(400);
		String userId = this.api.login("hook-400").json().at("/user/id").asString();

		this.dispatcher.dispatchAll();

		assertThat(receivedFor(userId)).hasSize(2);
		String eventId = receivedFor(userId).get(0).header("webhook-id");
		JsonNode log = deliveries("eventId=" + eventId);
		assertThat(log.get(0).get("status").asString()).isEqualTo("FAILED");
		assertThat(log.get(0).get("attempts").asInt()).isEqualTo(1);
		assertThat(log.get(0).get("lastError").asString()).isEqualTo("answered 400");
	}

	@Test
	void deliverWhenReceiverFailsLongerThanRetryPeriodThenGivenUpAfterBackOff() {
		receiver.answer(500);
		String userId = this.api.login("hook-give-up").json().at("/user/id").asString();
		String eventId = null;
		for (int i = 0; i < 30; i++) {
			this.dispatcher.dispatchAll();
			this.clock.advance(Duration.ofHours(1));
		}

		eventId = receivedFor(userId).get(0).header("webhook-id");
		JsonNode log = deliveries("eventId=" + eventId);
		assertThat(log.get(0).get("status").asString()).isEqualTo("FAILED");
		assertThat(log.get(0).get("lastError").asString()).startsWith("given up after");
		// 5 s, 10 s, ... doubling up to an hour: about 12 attempts in the first hours,
		// then one an hour until a day has passed
		int attempts = log.get(0).get("attempts").asInt();
		assertThat(attempts).isBetween(20, 40);
		assertThat(receivedFor(userId).stream()
			.filter((delivery) -> body(delivery).get("id")
				.asString()
				.equals(body(receivedFor(userId).get(0)).get("id").asString())))
			.hasSize(attempts);
	}

	@Test
	void replayWhenEventOrSinceThenDeliveredAgainWithTheSameId() {
		Instant since = this.clock.instant();
		String userId = this.api.login("hook-replay").json().at("/user/id").asString();
		this.dispatcher.dispatchAll();
		String eventId = receivedFor(userId).get(0).header("webhook-id");

		Reply one = this.api.post("/admin/api/webhooks/events/" + eventId + "/replay", "", ADMIN);
		this.dispatcher.dispatchAll();
		assertThat(one.status()).isEqualTo(202);
		assertThat(receivedFor(userId)).extracting((delivery) -> delivery.header("webhook-id"))
			.containsExactly(eventId, receivedFor(userId).get(1).header("webhook-id"), eventId);

		Reply all = this.api.post("/admin/api/webhooks/replay?since=" + since, "", ADMIN);
		this.dispatcher.dispatchAll();
		assertThat(all.status()).isEqualTo(202);
		assertThat(all.json().get("deliveries").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(receivedFor(userId)).hasSize(5);
	}

	@Test
	void adminApiWhenNoKeyThen401() {
		assertThat(this.api.get("/admin/api/webhooks/deliveries").status()).isEqualTo(401);
		assertThat(this.api.post("/admin/api/webhooks/replay?since=2026-01-01T00:00:00Z", "").status()).isEqualTo(401);
	}

	@Test
	void replayWhenUnknownEventOrBadSinceThenProblem() {
		Reply unknown = this.api.post("/admin/api/webhooks/events/no-such-event/replay", "", ADMIN);
		Reply badSince = this.api.post("/admin/api/webhooks/replay?since=yesterday", "", ADMIN);

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("WEBHOOK_EVENT_NOT_FOUND");
		assertThat(badSince.status()).isEqualTo(400);
		assertThat(badSince.code()).isEqualTo("INVALID_REQUEST");
	}

	@Test
	void metricsWhenDeliveriesPendingThenQueueDepthAndOldestAgeShown() {
		receiver.down();
		this.api.login("hook-metrics");
		this.clock.advance(Duration.ofMinutes(3));

		String metrics = this.api.get("/actuator/prometheus").body();

		assertThat(metrics).containsPattern("miniauth_webhooks_queue_depth(\\{[^}]*\\})? [1-9]");
		assertThat(metrics).containsPattern("miniauth_webhooks_oldest_age_seconds(\\{[^}]*\\})? 1[0-9]{2}\\.0");
		assertThat(metrics).contains("miniauth_webhooks_deliveries_total{outcome=\"delivered\"}");
	}

	@Test
	void lifecycleWhenBannedUnbannedRevokedAndDeletedThenEachToldInOrderWithoutPersonalDataOnDeletion() {
		JsonNode login = this.api.login("hook-lifecycle").json();
		String userId = login.at("/user/id").asString();
		String until = this.clock.instant().plus(Duration.ofDays(7)).toString();
		Map<String, Object> ban = new java.util.HashMap<>();
		ban.put("until", until);
		ban.put("reason", "spam");
		assertThat(this.api.post("/admin/api/users/" + userId + "/ban", Api.json(ban), ADMIN).status()).isEqualTo(200);
		assertThat(this.api
			.send("DELETE", "/admin/api/users/" + userId + "/ban", java.net.http.HttpRequest.BodyPublishers.noBody(),
					ADMIN)
			.status()).isEqualTo(200);
		this.lifecycle.withdrawConsent(userId, List.of("nickName", "phoneNumber"));
		JsonNode again = this.api.login("hook-lifecycle").json();
		assertThat(this.api
			.send("DELETE", "/admin/api/users/" + userId, java.net.http.HttpRequest.BodyPublishers.noBody(), ADMIN)
			.status()).isLessThan(300);

		this.dispatcher.dispatchAll();

		List<JsonNode> events = receivedFor(userId).stream().map(WebhookIntegrationTests::body).toList();
		assertThat(events).extracting((event) -> event.get("type").asString())
			.containsExactly("user.created", "session.created", "session.ended", "user.banned", "user.unbanned",
					"user.wechat_revoked", "session.created", "session.ended", "user.deleted");
		assertThat(events.get(2).at("/data/reason").asString()).isEqualTo("banned");
		assertThat(events.get(3).at("/data/until").asString()).isEqualTo(until);
		assertThat(events.get(3).at("/data/reason").asString()).isEqualTo("spam");
		assertThat(events.get(5).at("/data/withdrawn").valueStream().map(JsonNode::asString))
			.containsExactly("nickName", "phoneNumber");
		assertThat(events.get(7).at("/data/sessionId").asString()).isEqualTo(sessionId(again));
		assertThat(events.get(7).at("/data/reason").asString()).isEqualTo("deleted");
		assertThat(events.get(8).get("data").isEmpty()).isTrue();
		assertThat(events.get(8).get("userId").asString()).isEqualTo(userId);
	}

	private static String sessionId(JsonNode login) {
		String payload = login.get("token").asString().split("\\.")[1];
		return JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload)).get("sid").asString();
	}

	private JsonNode deliveries(String query) {
		Reply reply = this.api.get("/admin/api/webhooks/deliveries?" + query, ADMIN);
		assertThat(reply.status()).isEqualTo(200);
		return reply.json();
	}

	private List<String> pendingErrors() {
		return this.jdbc.sql("SELECT last_error FROM webhook_deliveries WHERE status = 'PENDING' AND attempts > 0")
			.query(String.class)
			.list();
	}

	private Set<String> eventIds(String... userIds) {
		return this.jdbc.sql("SELECT id FROM webhook_events WHERE user_id IN (:users)")
			.param("users", List.of(userIds))
			.query(String.class)
			.set();
	}

	private static List<WebhookReceiver.Received> receivedFor(String... userIds) {
		Set<String> users = Set.of(userIds);
		return receiver.received()
			.stream()
			.filter((delivery) -> users.contains(body(delivery).get("userId").asString()))
			.toList();
	}

	private static JsonNode body(WebhookReceiver.Received delivery) {
		return JSON.readTree(delivery.body());
	}

}
