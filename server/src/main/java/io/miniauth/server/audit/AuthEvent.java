package io.miniauth.server.audit;

import java.time.Instant;

/**
 * One authentication event. It never holds a secret, a code or a token.
 *
 * @param occurredAt when
 * @param type what
 * @param outcome {@code ok}, or the error {@code code} answered
 * @param errcode WeChat's errcode when WeChat caused the outcome, or {@code null}
 * @param appid the app, when known
 * @param userId the user, when known
 * @param sessionId the session, when known
 * @param clientIp the client address
 * @param userAgent the client's User-Agent
 */
public record AuthEvent(Instant occurredAt, AuthEventType type, String outcome, Integer errcode, String appid,
		String userId, String sessionId, String clientIp, String userAgent) {
}
