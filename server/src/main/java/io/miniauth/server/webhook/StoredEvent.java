package io.miniauth.server.webhook;

import java.time.Instant;

/**
 * An event as the outbox holds it.
 *
 * @param id the event id, sent as {@code webhook-id}
 * @param type what happened
 * @param appid the user's app
 * @param userId the user
 * @param occurredAt when it happened
 * @param payload the JSON body sent
 */
record StoredEvent(String id, WebhookEventType type, String appid, String userId, Instant occurredAt, String payload) {
}
