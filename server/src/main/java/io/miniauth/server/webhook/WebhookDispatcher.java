package io.miniauth.server.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import io.miniauth.server.config.MiniAuthProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due webhooks: claims a batch (rows locked with {@code SKIP LOCKED}, so that
 * each delivery goes out from one instance; the claim is a lease, so that a delivery
 * claimed by an instance that died is taken over when the lease ends), sends them in
 * parallel, and records each attempt in the delivery log. Runs every
 * {@code miniauth.webhooks.poll-interval} on every instance; {@code 0s} turns the polling
 * off on an instance.
 */
@Service
public class WebhookDispatcher implements SchedulingConfigurer {

	private static final Log logger = LogFactory.getLog(WebhookDispatcher.class);

	private final WebhookRepository repository;

	private final WebhookEndpoints endpoints;

	private final WebhookSender sender;

	private final RetrySchedule schedule;

	private final TransactionTemplate transaction;

	private final MeterRegistry meters;

	private final Clock clock;

	private final MiniAuthProperties.Webhooks settings;

	WebhookDispatcher(WebhookRepository repository, WebhookEndpoints endpoints,
			PlatformTransactionManager transactionManager, MeterRegistry meters, MiniAuthProperties properties,
			Clock clock) {
		this.repository = repository;
		this.endpoints = endpoints;
		this.settings = properties.webhooks();
		this.sender = new WebhookSender(this.settings.timeout(), endpoints, clock);
		this.schedule = new RetrySchedule(this.settings.firstRetryAfter(), this.settings.maxRetryAfter(),
				this.settings.retryFor(), () -> ThreadLocalRandom.current().nextDouble());
		this.transaction = new TransactionTemplate(transactionManager);
		this.meters = meters;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		Duration interval = this.settings.pollInterval();
		if (!interval.isZero() && !interval.isNegative()) {
			registrar.addFixedDelayTask(this::dispatchAll, interval);
		}
	}

	/**
	 * Delivers what is due now, batch after batch, until nothing is due.
	 * @return how many attempts were made
	 */
	public int dispatchAll() {
		if (this.endpoints.all().isEmpty()) {
			// nothing is ever queued
			return 0;
		}
		int total = 0;
		int attempted;
		do {
			attempted = dispatchDue();
			total += attempted;
		}
		while (attempted > 0);
		return total;
	}

	/**
	 * Claims one batch of due deliveries and makes one attempt at each.
	 * @return how many attempts were made
	 */
	public int dispatchDue() {
		Instant now = this.clock.instant();
		List<ClaimedDelivery> claimed = this.transaction.execute(
				(status) -> this.repository.claimDue(now, now.plus(this.settings.lease()), this.settings.batchSize()));
		List<CompletableFuture<Void>> attempts = new ArrayList<>();
		for (ClaimedDelivery delivery : claimed) {
			WebhookEndpoint endpoint = this.endpoints.find(delivery.endpoint());
			if (endpoint == null) {
				record(delivery, WebhookSender.Attempt.finalFailure(null, 0, "the endpoint is no longer configured"));
				continue;
			}
			attempts.add(this.sender.send(endpoint, delivery).thenAccept((attempt) -> record(delivery, attempt)));
		}
		CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new)).join();
		return claimed.size();
	}

	private void record(ClaimedDelivery delivery, WebhookSender.Attempt attempt) {
		Instant now = this.clock.instant();
		String status = WebhookRepository.PENDING;
		Instant next = now;
		String outcome;
		String error = attempt.error();
		switch (attempt.verdict()) {
			case DELIVERED -> {
				status = WebhookRepository.DELIVERED;
				outcome = "delivered";
			}
			case RETRY -> {
				next = this.schedule.next(delivery.attempts(), delivery.occurredAt(), now, attempt.retryAfter());
				if (next == null) {
					status = WebhookRepository.FAILED;
					next = now;
					error = "given up after " + delivery.attempts() + " attempts: " + error;
					outcome = "failed";
				}
				else {
					outcome = "retried";
				}
			}
			default -> {
				status = WebhookRepository.FAILED;
				outcome = "failed";
			}
		}
		try {
			if (this.repository.recordAttempt(delivery, status, next, now, attempt.status(), attempt.latencyMs(),
					error)) {
				this.meters.counter("miniauth.webhooks.deliveries", "outcome", outcome).increment();
			}
		}
		catch (RuntimeException ex) {
			// the lease runs out and the delivery is tried again: at least once
			logger.warn("Could not record webhook delivery " + delivery.id() + ": " + ex.getClass().getSimpleName());
		}
		if (!"delivered".equals(outcome) && logger.isDebugEnabled()) {
			logger.debug(
					"Webhook delivery " + delivery.id() + " to " + delivery.endpoint() + " " + outcome + ": " + error);
		}
	}

}
