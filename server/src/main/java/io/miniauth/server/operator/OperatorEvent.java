package io.miniauth.server.operator;

import java.time.Instant;

/**
 * One operator action in the audit trail. It never holds a password or a key.
 *
 * @param id the id, also the tie-breaker of the trail's order
 * @param occurredAt when
 * @param actor who: an operator's username or {@code key:<name>}
 * @param action what
 * @param outcome {@code ok}, or the error code answered
 * @param userId the mini program user it concerned, or {@code null}
 * @param detail what else identifies the action (a filter, a session id, a name)
 * @param clientIp from where
 */
public record OperatorEvent(String id, Instant occurredAt, String actor, OperatorAction action, String outcome,
		String userId, String detail, String clientIp) {
}
