package io.miniauth.server.webhook;

import java.time.Instant;
import java.util.List;

import io.miniauth.server.problem.InvalidRequestException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook delivery log and replays, for operators.
 */
@RestController
class WebhookAdminController {

	private static final List<String> STATUSES = List.of(WebhookRepository.PENDING, WebhookRepository.DELIVERED,
			WebhookRepository.FAILED);

	private final WebhookDeliveries deliveries;

	WebhookAdminController(WebhookDeliveries deliveries) {
		this.deliveries = deliveries;
	}

	@GetMapping("/admin/api/webhooks/deliveries")
	List<DeliveryView> listDeliveries(@RequestParam(required = false) String status,
			@RequestParam(required = false) String eventId, @RequestParam(defaultValue = "100") int limit) {
		if (status != null && !STATUSES.contains(status)) {
			throw new InvalidRequestException("status must be one of " + STATUSES);
		}
		if (limit < 1 || limit > 1000) {
			throw new InvalidRequestException("limit must be between 1 and 1000");
		}
		return this.deliveries.list(status, eventId, limit);
	}

	@PostMapping("/admin/api/webhooks/events/{id}/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Replayed replayEvent(@PathVariable String id) {
		return new Replayed(this.deliveries.replay(id));
	}

	@PostMapping("/admin/api/webhooks/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Replayed replaySince(@RequestParam String since) {
		Instant from;
		try {
			from = Instant.parse(since);
		}
		catch (RuntimeException ex) {
			throw new InvalidRequestException("since must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
		}
		return new Replayed(this.deliveries.replaySince(from));
	}

	/**
	 * @param deliveries how many deliveries were queued
	 */
	record Replayed(int deliveries) {
	}

}
