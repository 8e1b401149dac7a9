package io.miniauth.server.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

/**
 * Opens the package-private outbox repository to the database tests in other packages.
 */
public final class WebhookOutboxStore {

	private final WebhookRepository repository;

	public WebhookOutboxStore(ApplicationContext context) {
		this.repository = context.getBean(WebhookRepository.class);
	}

	/**
	 * Writes an event with one delivery to an endpoint named {@code contract}.
	 * @param userId the event's user
	 * @param now the time
	 * @return the event id
	 */
	public String insertEventWithDelivery(String userId, Instant now) {
		String id = UUID.randomUUID().toString();
		this.repository.insertEvent(new StoredEvent(id, WebhookEventType.USER_UPDATED, "wxcontract", userId, now,
				"{\"id\":\"" + id + "\"}"));
		this.repository.insertDelivery(id, "contract", userId, now);
		return id;
	}

	/**
	 * Claims due deliveries as the dispatcher does; call in a transaction.
	 * @return the claimed events' ids
	 */
	public List<String> claimDue(Instant now, int limit) {
		return this.repository.claimDue(now, now.plusSeconds(60), limit)
			.stream()
			.map(ClaimedDelivery::eventId)
			.toList();
	}

}
