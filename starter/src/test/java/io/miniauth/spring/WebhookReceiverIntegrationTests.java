package io.miniauth.spring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.standardwebhooks.Webhook;
import io.miniauth.spring.webhook.MiniAuthWebhookEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business backend on Spring Boot 3 with Spring Security and the starter's webhook
 * receiver, signed deliveries sent to it over HTTP as MiniAuth sends them: the
 * {@code @EventListener} methods get each verified event once, and MiniAuth gets
 * {@code 204}, {@code 401} for what it did not sign (or signed too long ago), and
 * {@code 500} when a listener failed, so that it delivers again.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = WebhookReceiverIntegrationTests.MembersApp.class,
		properties = "miniauth.webhooks.secrets=" + WebhookReceiverIntegrationTests.SECRET + ","
				+ WebhookReceiverIntegrationTests.PREVIOUS_SECRET)
class WebhookReceiverIntegrationTests {

	static final String SECRET = "whsec_c3RhcnRlci13ZWJob29rLXRlc3Qtc2VjcmV0LW5ldy0zMg==";

	static final String PREVIOUS_SECRET = "whsec_c3RhcnRlci13ZWJob29rLXRlc3Qtc2VjcmV0LW9sZC0zMg==";

	static final String OTHER_SECRET = "whsec_bm90LXRoZS1zZWNyZXQtb2YtdGhpcy1iYWNrZW5kLTMy";

	static final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

	@LocalServerPort
	int port;

	@Autowired
	Members members;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void clear() {
		this.members.events.clear();
		this.members.erased.clear();
		this.members.failing = false;
	}

	@Test
	void receiveWhenSignedThenListenerGetsTypedEventAnd204() throws Exception {
		String id = UUID.randomUUID().toString();
		String body = event(id, "user.banned", "{\"until\":\"2026-12-08T10:00:00Z\",\"reason\":\"spam\"}");

		HttpResponse<String> answer = deliver(id, clock.instant(), body, sign(SECRET, id, clock.instant(), body));

		assertThat(answer.statusCode()).isEqualTo(204);
		assertThat(this.members.events).singleElement().satisfies((event) -> {
			assertThat(event.getId()).isEqualTo(id);
			assertThat(event.getType()).isEqualTo(MiniAuthWebhookEvent.USER_BANNED);
			assertThat(event.getTime()).isEqualTo(Instant.parse("2026-12-01T09:59:58Z"));
			assertThat(event.getApp()).isEqualTo("wxmembers0001");
			assertThat(event.getUserId()).isEqualTo("user-1");
			assertThat(event.getData()).containsEntry("reason", "spam");
			assertThat(event.isUserBanned()).isTrue();
			assertThat(event.getBannedUntil()).isEqualTo(Instant.parse("2026-12-08T10:00:00Z"));
			assertThat(event.getReason()).isEqualTo("spam");
		});
	}

	@Test
	void receiveWhenConditionOnConvenienceThenOnlyMatchingListenerRuns() throws Exception {
		String ended = UUID.randomUUID().toString();
		String endedBody = event(ended, "session.ended", "{\"sessionId\":\"s-1\",\"reason\":\"logout\"}");
		String deleted = UUID.randomUUID().toString();
		String deletedBody = event(deleted, "user.deleted", "{}");

		deliver(ended, clock.instant(), endedBody, sign(SECRET, ended, clock.instant(), endedBody));
		deliver(deleted, clock.instant(), deletedBody, sign(SECRET, deleted, clock.instant(), deletedBody));

		assertThat(this.members.events).extracting(MiniAuthWebhookEvent::getType)
			.containsExactly("session.ended", "user.deleted");
		assertThat(this.members.events.get(0).isSessionEnded()).isTrue();
		assertThat(this.members.events.get(0).getSessionId()).isEqualTo("s-1");
		assertThat(this.members.events.get(0).getReason()).isEqualTo("logout");
		assertThat(this.members.erased).containsExactly("user-1");
	}

	@Test
	void receiveWhenSignatureWrongThen401AndNoEvent() throws Exception {
		String id = UUID.randomUUID().toString();
		String body = event(id, "user.deleted", "{}");

		HttpResponse<String> otherSecret = deliver(id, clock.instant(), body,
				sign(OTHER_SECRET, id, clock.instant(), body));
		HttpResponse<String> changedBody = deliver(id, clock.instant(), body.replace("user-1", "user-2"),
				sign(SECRET, id, clock.instant(), body));
		HttpResponse<String> otherId = deliver("another-id", clock.instant(), body,
				sign(SECRET, id, clock.instant(), body));
		HttpResponse<String> unsigned = this.http.send(
				HttpRequest.newBuilder(url()).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(List.of(otherSecret, changedBody, otherId, unsigned)).allSatisfy((answer) -> {
			assertThat(answer.statusCode()).isEqualTo(401);
			assertThat(answer.body()).contains("\"code\":\"UNAUTHORIZED\"");
			assertThat(answer.body()).doesNotContain(SECRET.substring(6), PREVIOUS_SECRET.substring(6));
		});
		assertThat(this.members.events).isEmpty();
	}

	@Test
	void receiveWhenSignedBodyIsNotAnEventThen400AndNoEvent() throws Exception {
		String id = UUID.randomUUID().toString();
		String body = "[\"not\", \"an event\"]";

		HttpResponse<String> answer = deliver(id, clock.instant(), body, sign(SECRET, id, clock.instant(), body));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("\"code\":\"INVALID_REQUEST\"");
		assertThat(this.members.events).isEmpty();
	}

	@Test
	void receiveWhenTimestampMoreThanFiveMinutesOffThen401() throws Exception {
		String id = UUID.randomUUID().toString();
		String body = event(id, "user.deleted", "{}");
		Instant stale = clock.instant().minus(Duration.ofMinutes(5)).minusSeconds(1);
		Instant ahead = clock.instant().plus(Duration.ofMinutes(5)).plusSeconds(1);

		HttpResponse<String> tooOld = deliver(id, stale, body, sign(SECRET, id, stale, body));
		HttpResponse<String> tooNew = deliver(id, ahead, body, sign(SECRET, id, ahead, body));

		assertThat(tooOld.statusCode()).isEqualTo(401);
		assertThat(tooNew.statusCode()).isEqualTo(401);
		assertThat(this.members.events).isEmpty();
		Instant withinTolerance = clock.instant().minus(Duration.ofMinutes(5));
		assertThat(deliver(id, withinTolerance, body, sign(SECRET, id, withinTolerance, body)).statusCode())
			.isEqualTo(204);
	}

	@Test
	void receiveWhenSameIdDeliveredAgainThen204AndListenerRanOnce() throws Exception {
		String id = UUID.randomUUID().toString();
		String body = event(id, "user.created", "{\"openid\":\"o-1\",\"unionid\":null}");

		assertThat(deliver(id, clock.instant(), body, sign(SECRET, id, clock.instant(), body)).statusCode())
			.isEqualTo(204);
		clock.advance(Duration.ofMinutes(1));
		HttpResponse<String> again = deliver(id, clock.instant(), body, sign(SECRET, id, clock.instant(), body));

		assertThat(again.statusCode()).isEqualTo(204);
		assertThat(this.members.events).hasSize(1);
	}

	@Test
	void receiveWhenSignedWithEitherSecretDuringRotationThenAccepted() throws Exception {
		String both = UUID.randomUUID().toString();
		String bothBody = event(both, "user.created", "{}");
		String old = UUID.randomUUID().toString();
		String oldBody = event(old, "user.created", "{}");

		// MiniAuth signs with the new and the previous secret while it rotates
		HttpResponse<String> signedTwice = deliver(both, clock.instant(), bothBody,
				sign(OTHER_SECRET, both, clock.instant(), bothBody) + " "
						+ sign(SECRET, both, clock.instant(), bothBody));
		HttpResponse<String> signedWithPrevious = deliver(old, clock.instant(), oldBody,
				sign(PREVIOUS_SECRET, old, clock.instant(), oldBody));

		assertThat(signedTwice.statusCode()).isEqualTo(204);
		assertThat(signedWithPrevious.statusCode()).isEqualTo(204);
		assertThat(this.members.events).extracting(MiniAuthWebhookEvent::getId).containsExactly(both, old);
	}

	@Test
	void receiveWhenListenerThrowsThen500AndNextDeliveryReachesListener() throws Exception {
		String id = UUID.randomUUID().toString();
		String body = event(id, "user.deleted", "{}");
		this.members.failing = true;

		HttpResponse<String> failed = deliver(id, clock.instant(), body, sign(SECRET, id, clock.instant(), body));
		this.members.failing = false;
		HttpResponse<String> retried = deliver(id, clock.instant(), body, sign(SECRET, id, clock.instant(), body));

		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(failed.body()).contains("\"code\":\"INTERNAL_ERROR\"").doesNotContain("database is down");
		assertThat(retried.statusCode()).isEqualTo(204);
		assertThat(this.members.events).extracting(MiniAuthWebhookEvent::getId).containsExactly(id);
	}

	private HttpResponse<String> deliver(String id, Instant timestamp, String body, String signature)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(url())
			.header("Content-Type", "application/json")
			.header("webhook-id", id)
			.header("webhook-timestamp", Long.toString(timestamp.getEpochSecond()))
			.header("webhook-signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private URI url() {
		return URI.create("http://127.0.0.1:" + this.port + "/miniauth/webhooks");
	}

	private static String event(String id, String type, String data) {
		return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"timestamp\":\"2026-12-01T09:59:58Z\","
				+ "\"appid\":\"wxmembers0001\",\"userId\":\"user-1\",\"data\":" + data + "}";
	}

	private static String sign(String secret, String id, Instant timestamp, String body) throws Exception {
		return new Webhook(secret).sign(id, timestamp.getEpochSecond(), body);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class MembersApp {

		@Bean
		MutableClock clock() {
			return clock;
		}

		@Bean
		Members members() {
			return new Members();
		}

		// as the README shows: the webhook path needs no login and no CSRF token
		@Bean
		SecurityFilterChain api(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/miniauth/webhooks")
				.permitAll()
				.anyRequest()
				.authenticated())
				.csrf((csrf) -> csrf.ignoringRequestMatchers("/miniauth/webhooks"))
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

	}

	/** A business backend's listeners. */
	static class Members {

		final List<MiniAuthWebhookEvent> events = new CopyOnWriteArrayList<>();

		final List<String> erased = new CopyOnWriteArrayList<>();

		volatile boolean failing;

		@EventListener
		void on(MiniAuthWebhookEvent event) {
			if (this.failing) {
				throw new IllegalStateException("database is down");
			}
			this.events.add(event);
		}

		@EventListener(condition = "#event.userDeleted")
		void erase(MiniAuthWebhookEvent event) {
			this.erased.add(event.getUserId());
		}

	}

}
