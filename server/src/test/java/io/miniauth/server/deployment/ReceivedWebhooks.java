package io.miniauth.server.deployment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the deployment tests check in the webhooks a backend received: deduplicated by
 * {@code webhook-id} as the README tells receivers to, against the events that the
 * answers of the server say happened.
 */
final class ReceivedWebhooks {

	/** How long every expected event may take to arrive. */
	static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(120);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ReceivedWebhooks() {
	}

	/**
	 * Waits until every expected event has been accepted by the receiver.
	 * @param receiver the receiver
	 * @param expected the events
	 * @return the accepted deliveries, the first of each {@code webhook-id}, in the order
	 * they arrived
	 */
	static List<BackendWebhookReceiver.Received> awaitAll(BackendWebhookReceiver receiver, List<Expected> expected) {
		BackendWebhookReceiver.await(expected.size() + " events to be delivered", DELIVERY_TIMEOUT, () -> {
			List<Expected> missing = new ArrayList<>(expected);
			events(distinct(receiver.accepted())).forEach(missing::remove);
			return missing.isEmpty();
		});
		return distinct(receiver.accepted());
	}

	/**
	 * The first delivery of each {@code webhook-id}.
	 * @param deliveries the deliveries
	 * @return one per id, in the order they arrived
	 */
	static List<BackendWebhookReceiver.Received> distinct(List<BackendWebhookReceiver.Received> deliveries) {
		Map<String, BackendWebhookReceiver.Received> byId = new LinkedHashMap<>();
		deliveries.forEach((delivery) -> byId.putIfAbsent(delivery.header("webhook-id"), delivery));
		return List.copyOf(byId.values());
	}

	/**
	 * The events that the deliveries carry.
	 * @param deliveries the deliveries
	 * @return their types and users
	 */
	static List<Expected> events(List<BackendWebhookReceiver.Received> deliveries) {
		return deliveries.stream()
			.map(ReceivedWebhooks::body)
			.map((body) -> new Expected(body.get("type").asString(), body.get("userId").asString()))
			.toList();
	}

	/**
	 * The types of one user's events, in the order they arrived.
	 * @param deliveries the deliveries
	 * @param userId the user
	 * @return the types
	 */
	static List<String> typesInOrder(List<BackendWebhookReceiver.Received> deliveries, String userId) {
		return events(deliveries).stream()
			.filter((event) -> event.userId().equals(userId))
			.map(Expected::type)
			.toList();
	}

	/**
	 * Checks a delivery as a receiver does: the Standard Webhooks reference library
	 * verifies its signature and timestamp, and the body carries the {@code webhook-id}.
	 * @param delivery the delivery
	 */
	static void assertSigned(BackendWebhookReceiver.Received delivery) {
		try {
			new Webhook(BackendWebhookReceiver.SECRET).verify(delivery.body(), new HashMap<>(delivery.headers()));
		}
		catch (WebhookVerificationException ex) {
			throw new AssertionError("The delivery " + delivery.header("webhook-id") + " does not verify: " + ex);
		}
		assertThat(body(delivery).get("id").asString()).isEqualTo(delivery.header("webhook-id"));
	}

	private static JsonNode body(BackendWebhookReceiver.Received delivery) {
		return JSON.readTree(delivery.body());
	}

	/**
	 * An event, by what a receiver keys it on.
	 *
	 * @param type the event type
	 * @param userId the user
	 */
	record Expected(String type, String userId) {
	}

}
