package io.miniauth.server.webhook;

import java.time.Instant;

/**
 * One delivery in the log, as the admin API shows it.
 *
 * @param id the delivery
 * @param eventId the event ({@code webhook-id})
 * @param type the event type
 * @param endpoint the endpoint's name
 * @param userId the event's user
 * @param status {@code PENDING}, {@code DELIVERED} or {@code FAILED} (given up)
 * @param attempts how many attempts were made
 * @param createdAt when the delivery was created (the event, or its replay)
 * @param nextAttemptAt when a pending delivery is tried next
 * @param lastAttemptAt when it was last tried
 * @param lastStatus the HTTP status of the last answer, if there was one
 * @param lastLatencyMs how long the last attempt took
 * @param lastError why the last attempt failed, if it did
 */
record DeliveryView(long id, String eventId, String type, String endpoint, String userId, String status, int attempts,
		Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus, Long lastLatencyMs,
		String lastError) {
}
