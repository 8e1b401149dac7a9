package io.miniauth.server.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.miniauth.server.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server jar on its default embedded H2 database with a business backend's webhook
 * endpoint that hangs, killed with {@code kill -9} after logins and logouts were answered
 * and before any of their events was delivered: after the restart on the same data, once
 * the backend answers, every event is delivered, signed, in each user's order, and none
 * that did not happen.
 */
class WebhookCrashIT {

	private static final int USERS = 6;

	private final BackendWebhookReceiver receiver = new BackendWebhookReceiver();

	private JarProcess server;

	@AfterEach
	void stop() {
		Deployment.closeAll(this.server, this.receiver);
	}

	@Test
	void killWhenEventsCommittedButNotDeliveredThenEveryEventDeliveredAfterRestart() {
		Path dataDir = Deployment.newDataDir("webhook-crash-h2-");
		this.receiver.hold();
		this.server = start(dataDir);
		Api api = new Api(this.server.port());
		List<ReceivedWebhooks.Expected> expected = new ArrayList<>();
		List<String> users = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			JsonNode login = api.login("hook-crash-" + i).json();
			String userId = login.at("/user/id").asString();
			expected.add(new ReceivedWebhooks.Expected("user.created", userId));
			expected.add(new ReceivedWebhooks.Expected("session.created", userId));
			users.add(userId);
			tokens.add(login.get("token").asString());
		}
		// a delivery is on its way (claimed, unanswered) when the server dies
		BackendWebhookReceiver.await("a delivery to reach the backend", Deployment.START_TIMEOUT,
				() -> this.receiver.heldSoFar() > 0);
		for (int i = 0; i < USERS; i += 2) {
			assertThat(api.post("/user/logout", "{}", "Authorization", "Bearer " + tokens.get(i)).status())
				.isEqualTo(204);
			expected.add(new ReceivedWebhooks.Expected("session.ended", users.get(i)));
		}

		this.server.kill();
		assertThat(this.receiver.accepted()).isEmpty();
		this.server = start(dataDir);
		this.receiver.accept();

		List<BackendWebhookReceiver.Received> delivered = ReceivedWebhooks.awaitAll(this.receiver, expected);
		assertThat(delivered).allSatisfy(ReceivedWebhooks::assertSigned);
		assertThat(ReceivedWebhooks.events(delivered)).containsExactlyInAnyOrderElementsOf(expected);
		for (String user : users) {
			List<String> inOrder = expected.stream()
				.filter((event) -> event.userId().equals(user))
				.map(ReceivedWebhooks.Expected::type)
				.toList();
			assertThat(ReceivedWebhooks.typesInOrder(delivered, user)).as("one user's events in order")
				.containsExactlyElementsOf(inOrder);
		}
	}

	private JarProcess start(Path dataDir) {
		Map<String, String> env = new HashMap<>(this.receiver.endpointEnvironment());
		env.put("MINIAUTH_DATA_DIR", dataDir.toString());
		// short waits, so that the test need not wait minutes for the retries and the
		// lease of the delivery that was on its way when the server died
		env.put("MINIAUTH_WEBHOOKS_TIMEOUT", "2s");
		env.put("MINIAUTH_WEBHOOKS_FIRST_RETRY_AFTER", "1s");
		env.put("MINIAUTH_WEBHOOKS_MAX_RETRY_AFTER", "2s");
		env.put("MINIAUTH_WEBHOOKS_LEASE", "5s");
		return JarProcess.start("webhook-crash-server", Deployment.serverJar(), env)
			.awaitReady("/actuator/health/readiness", Deployment.START_TIMEOUT);
	}

}
