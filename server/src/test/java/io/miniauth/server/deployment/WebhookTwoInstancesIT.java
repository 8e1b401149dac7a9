package io.miniauth.server.deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Two instances of the packaged server jar on one real PostgreSQL (and one Redis), both
 * with the same webhook endpoint, each polling for due deliveries: events caused through
 * both at once are each delivered, and by one instance only, while both deliver. The
 * instances run in demo mode (their embedded emulators), since plain {@code http} to a
 * loopback receiver is allowed only there.
 */
class WebhookTwoInstancesIT {

	private static final int USERS = 16;

	/** The operator API's key in demo mode. */
	private static final String ADMIN_KEY = "Bearer demo-admin-key";

	private static final Pattern DELIVERED = Pattern
		.compile("^miniauth_webhooks_deliveries_total\\{outcome=\"delivered\"\\} (\\S+)$", Pattern.MULTILINE);

	private static final BackendWebhookReceiver receiver = new BackendWebhookReceiver();

	private static JarProcess a;

	private static JarProcess b;

	@BeforeAll
	static void startTwoInstances() {
		String database = TestDatabases.postgres().createDatabase();
		Map<String, String> env = new HashMap<>(receiver.endpointEnvironment());
		env.putAll(Deployment.datasource(TestDatabases.postgres(), database));
		// the signing keys that one instance stores, the other reads
		env.put("MINIAUTH_SECURITY_KEY_ENCRYPTION_KEY", MiniAuthTest.KEY_ENCRYPTION_KEY);
		env.put("SPRING_DATA_REDIS_HOST", "127.0.0.1");
		env.put("SPRING_DATA_REDIS_PORT", Integer.toString(EmbeddedRedis.port()));
		env.put("MINIAUTH_RATE_LIMIT_LOGIN_PER_IP", "100000/1m");
		// both poll often, so that they claim at the same moments
		env.put("MINIAUTH_WEBHOOKS_POLL_INTERVAL", "100ms");
		a = JarProcess.start("webhook-instance-a", Deployment.serverJar(), env);
		b = JarProcess.start("webhook-instance-b", Deployment.serverJar(), env);
		a.awaitReady("/actuator/health/readiness", Deployment.START_TIMEOUT);
		b.awaitReady("/actuator/health/readiness", Deployment.START_TIMEOUT);
	}

	@AfterAll
	static void stopTwoInstances() {
		Deployment.closeAll(b, a, receiver);
	}

	@Test
	void eventsWhenCausedThroughBothInstancesThenEachDeliveredOnceAndNoneMissing() throws Exception {
		Api apiA = new Api(a.port());
		Api apiB = new Api(b.port());
		List<Callable<List<ReceivedWebhooks.Expected>>> users = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			String user = "hook-pair-" + i;
			Api first = (i % 2 == 0) ? apiA : apiB;
			Api second = (i % 2 == 0) ? apiB : apiA;
			users.add(() -> lifeOf(user, first, second));
		}
		List<ReceivedWebhooks.Expected> expected = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (Future<List<ReceivedWebhooks.Expected>> events : pool.invokeAll(users)) {
				expected.addAll(events.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		ReceivedWebhooks.awaitAll(receiver, expected);
		// every attempt has been recorded: no instance is still sending one
		BackendWebhookReceiver.await("no delivery to be pending", ReceivedWebhooks.DELIVERY_TIMEOUT,
				() -> apiA.get("/admin/api/webhooks/deliveries?status=PENDING", "Authorization", ADMIN_KEY)
					.json()
					.isEmpty());

		List<BackendWebhookReceiver.Received> received = receiver.received();
		assertThat(received).allSatisfy((delivery) -> assertThat(delivery.answered()).isEqualTo(204));
		assertThat(received).as("no event delivered twice").hasSameSizeAs(ReceivedWebhooks.distinct(received));
		assertThat(ReceivedWebhooks.events(received)).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(received).allSatisfy(ReceivedWebhooks::assertSigned);
		int byA = delivered(apiA);
		int byB = delivered(apiB);
		System.out.println("Webhook deliveries by instance A: " + byA + ", by B: " + byB);
		assertThat(byA).as("deliveries by A").isPositive();
		assertThat(byB).as("deliveries by B").isPositive();
		assertThat(byA + byB).as("deliveries the instances counted").isEqualTo(received.size());
	}

	/**
	 * How many deliveries an instance counted as delivered.
	 */
	private static int delivered(Api api) {
		Matcher counter = DELIVERED.matcher(api.get("/actuator/prometheus").body());
		return counter.find() ? (int) Double.parseDouble(counter.group(1)) : 0;
	}

	/**
	 * One user logs in through one instance and then through the other, and ends the
	 * first session through the other.
	 * @return the events that the answers say happened
	 */
	private static List<ReceivedWebhooks.Expected> lifeOf(String user, Api first, Api second) {
		JsonNode phone = login(first, user);
		String userId = phone.at("/user/id").asString();
		JsonNode tablet = login(second, user);
		Reply logout = second.post("/user/logout", "{}", "Authorization", "Bearer " + phone.get("token").asString());
		assertThat(logout.status()).as(logout.body()).isEqualTo(204);
		List<ReceivedWebhooks.Expected> events = new ArrayList<>();
		for (JsonNode login : List.of(phone, tablet)) {
			if (login.get("isNewUser").asBoolean()) {
				events.add(new ReceivedWebhooks.Expected("user.created", login.at("/user/id").asString()));
			}
			events.add(new ReceivedWebhooks.Expected("session.created", login.at("/user/id").asString()));
		}
		events.add(new ReceivedWebhooks.Expected("session.ended", userId));
		return events;
	}

	private static JsonNode login(Api api, String user) {
		Reply reply = api.login(user);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

}
