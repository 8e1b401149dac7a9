package io.miniauth.server.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.miniauth.server.config.MiniAuthProperties;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery log: what it shows, replays, retention, and the queue's gauges
 * ({@code miniauth.webhooks.queue.depth}, {@code miniauth.webhooks.oldest.age}).
 */
@Service
class WebhookDeliveries {

	private final WebhookRepository repository;

	private final WebhookEndpoints endpoints;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final MiniAuthProperties.Webhooks settings;

	WebhookDeliveries(WebhookRepository repository, WebhookEndpoints endpoints,
			PlatformTransactionManager transactionManager, MeterRegistry meters, MiniAuthProperties properties,
			Clock clock) {
		this.repository = repository;
		this.endpoints = endpoints;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.settings = properties.webhooks();
		Gauge.builder("miniauth.webhooks.queue.depth", this, WebhookDeliveries::queueDepth)
			.description("Webhook deliveries not yet delivered nor given up")
			.register(meters);
		Gauge.builder("miniauth.webhooks.oldest.age", this, WebhookDeliveries::oldestAgeSeconds)
			.description("Age of the oldest webhook delivery not yet delivered nor given up")
			.baseUnit("seconds")
			.register(meters);
	}

	List<DeliveryView> list(String status, String eventId, int limit) {
		return this.repository.list(status, eventId, limit);
	}

	/**
	 * Delivers an event again to every endpoint that subscribes to it now, with the same
	 * {@code webhook-id}.
	 * @param eventId the event
	 * @return how many deliveries were queued
	 * @throws WebhookEventNotFoundException when the event is unknown or past retention
	 */
	int replay(String eventId) {
		return this.transaction.execute((status) -> {
			StoredEvent event = this.repository.findEvent(eventId).orElseThrow(WebhookEventNotFoundException::new);
			return queue(event, this.clock.instant());
		});
	}

	/**
	 * Delivers again every event that happened since a time, in their order.
	 * @param since the earliest event time
	 * @return how many deliveries were queued
	 */
	int replaySince(Instant since) {
		return this.transaction.execute((status) -> {
			Instant now = this.clock.instant();
			int queued = 0;
			for (String id : this.repository.findEventIdsSince(since)) {
				queued += queue(this.repository.findEvent(id).orElseThrow(), now);
			}
			return queued;
		});
	}

	private int queue(StoredEvent event, Instant now) {
		List<WebhookEndpoint> subscribed = this.endpoints.subscribedTo(event.type());
		for (WebhookEndpoint endpoint : subscribed) {
			this.repository.insertDelivery(event.id(), endpoint.name(), event.userId(), now);
		}
		return subscribed.size();
	}

	/**
	 * Deletes finished deliveries and the events without pending deliveries older than
	 * the retention.
	 * @return how many rows were deleted
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	public int prune() {
		return this.repository.deleteBefore(this.clock.instant().minus(this.settings.retention()));
	}

	private double queueDepth() {
		try {
			return this.repository.countPending();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private double oldestAgeSeconds() {
		try {
			return this.repository.oldestPending()
				.map((oldest) -> (double) Math.max(0, this.clock.instant().getEpochSecond() - oldest.getEpochSecond()))
				.orElse(0.0);
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
