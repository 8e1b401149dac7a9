package io.miniauth.server.session;

import java.time.Duration;
import java.time.Instant;

import io.miniauth.server.config.MiniAuthProperties;

/**
 * How long a session lasts: each refresh token for
 * {@code miniauth.token.refresh-lifetime} from its issue, but never beyond
 * {@code miniauth.session.max-lifetime} from the login (ASVS 7.3.2), and never after
 * {@code miniauth.session.idle-timeout} without a request or a refresh.
 */
final class SessionLifetimes {

	private final Duration refreshLifetime;

	private final Duration maxLifetime;

	private final Duration idleTimeout;

	SessionLifetimes(MiniAuthProperties properties) {
		this.refreshLifetime = properties.token().refreshLifetime();
		this.maxLifetime = properties.session().maxLifetime();
		this.idleTimeout = properties.session().idleTimeout();
	}

	/**
	 * When a refresh token issued now expires.
	 * @param sessionCreatedAt the session's login
	 * @param now the time of issue
	 * @return the earlier of the refresh lifetime and the session's end
	 */
	Instant refreshExpiry(Instant sessionCreatedAt, Instant now) {
		Instant refreshEnd = now.plus(this.refreshLifetime);
		Instant sessionEnd = sessionCreatedAt.plus(this.maxLifetime);
		return refreshEnd.isBefore(sessionEnd) ? refreshEnd : sessionEnd;
	}

	/**
	 * Whether a session went unused for longer than the idle timeout. Its
	 * {@code last_used_at} is at most a minute stale while it is in use.
	 * @param session the session
	 * @param now the time
	 * @return whether it has ended for idleness
	 */
	boolean isIdle(Session session, Instant now) {
		return !now.isBefore(session.lastUsedAt().plus(this.idleTimeout));
	}

}
