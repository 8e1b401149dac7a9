package io.miniauth.server.webhook;

import java.time.Instant;

/**
 * A delivery this instance has claimed for one attempt.
 *
 * @param id the delivery
 * @param eventId the event, sent as {@code webhook-id}
 * @param endpoint the endpoint's name
 * @param attempts the attempts made, this one included
 * @param occurredAt when the event happened, from which the retry period counts
 * @param payload the body to send
 */
record ClaimedDelivery(long id, String eventId, String endpoint, int attempts, Instant occurredAt, String payload) {
}
