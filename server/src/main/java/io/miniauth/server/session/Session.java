package io.miniauth.server.session;

import java.time.Instant;

/**
 * One login of a user on one device: what the access and refresh tokens belong to.
 *
 * @param id the session id (the {@code sid} claim of access tokens)
 * @param userId the user
 * @param appid the app
 * @param createdAt the login
 * @param lastUsedAt the latest refresh or (at most a minute stale) request
 * @param expiresAt when its refresh token expires, unless refreshed before
 * @param revokedAt when it was ended, or {@code null}
 * @param clientIp the client address at login
 * @param userAgent the client's User-Agent at login
 */
public record Session(String id, String userId, String appid, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
		Instant revokedAt, String clientIp, String userAgent) {

	/**
	 * Whether the session is active: neither ended nor expired. The repository's queries
	 * say the same in SQL.
	 * @param now the time
	 * @return whether it is active
	 */
	public boolean isActive(Instant now) {
		return this.revokedAt == null && now.isBefore(this.expiresAt);
	}

}
