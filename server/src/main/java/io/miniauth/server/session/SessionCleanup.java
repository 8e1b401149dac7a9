package io.miniauth.server.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes, once an hour, what no request can use any more. A refresh token goes once it
 * has expired, used or not: until then a used one is kept, so that presenting it again is
 * still recognised as a replay. A session goes {@link #RETENTION} after it expired, once
 * none of its refresh tokens is left. An ended session keeps its refresh tokens until
 * they expire too (presenting one answers {@code TOKEN_REVOKED}), so it goes at the same
 * time.
 */
@Component
class SessionCleanup {

	/** How long an expired session is kept. */
	static final Duration RETENTION = Duration.ofDays(1);

	private static final Log logger = LogFactory.getLog(SessionCleanup.class);

	private final RefreshTokenRepository refreshTokens;

	private final SessionRepository sessions;

	private final Clock clock;

	SessionCleanup(RefreshTokenRepository refreshTokens, SessionRepository sessions, Clock clock) {
		this.refreshTokens = refreshTokens;
		this.sessions = sessions;
		this.clock = clock;
	}

	/**
	 * Deletes the expired refresh tokens, then the sessions that expired more than
	 * {@link #RETENTION} ago and have no refresh token left.
	 * @return how many rows were deleted
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	int cleanUp() {
		Instant now = this.clock.instant();
		int tokens = this.refreshTokens.deleteExpired(now);
		int sessions = this.sessions.deleteExpiredBefore(now.minus(RETENTION));
		if (logger.isDebugEnabled()) {
			logger.debug("Deleted " + tokens + " expired refresh tokens and " + sessions + " expired sessions");
		}
		return tokens + sessions;
	}

}
