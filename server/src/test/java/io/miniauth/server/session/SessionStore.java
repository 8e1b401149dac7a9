package io.miniauth.server.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationContext;

/**
 * Opens the package-private session and refresh-token repositories to the database tests
 * in other packages.
 */
public final class SessionStore {

	private final SessionRepository sessions;

	private final RefreshTokenRepository refreshTokens;

	public SessionStore(ApplicationContext context) {
		this.sessions = context.getBean(SessionRepository.class);
		this.refreshTokens = context.getBean(RefreshTokenRepository.class);
	}

	public void insertSession(Session session) {
		this.sessions.insert(session);
	}

	public Optional<Session> findSession(String id) {
		return this.sessions.findById(id);
	}

	public List<Session> findActiveSessions(String userId, Instant now) {
		return this.sessions.findActiveByUser(userId, now);
	}

	public boolean revokeSession(String id, SessionEndReason reason, Instant now) {
		return this.sessions.revoke(id, reason, now);
	}

	public long countActiveSessions(Instant now) {
		return this.sessions.countActive(now);
	}

	public int deleteExpiredSessions(Instant before) {
		return this.sessions.deleteExpiredBefore(before);
	}

	public void touchSession(String id, Instant now) {
		this.sessions.touch(id, now);
	}

	public void extendSession(String id, Instant now, Instant expiresAt) {
		this.sessions.extend(id, now, expiresAt);
	}

	public void insertRefreshToken(String hash, String sessionId, Instant now, Instant expiresAt) {
		this.refreshTokens.insert(hash, sessionId, now, expiresAt);
	}

	public Optional<StoredToken> findRefreshToken(String hash) {
		return this.refreshTokens.find(hash)
			.map((stored) -> new StoredToken(stored.sessionId(), stored.expiresAt(), stored.usedAt()));
	}

	public int deleteExpiredRefreshTokens(Instant now) {
		return this.refreshTokens.deleteExpired(now);
	}

	public boolean markRefreshTokenUsed(String hash, Instant now) {
		return this.refreshTokens.markUsed(hash, now);
	}

	/**
	 * A stored refresh token.
	 *
	 * @param sessionId its session
	 * @param expiresAt when it expires
	 * @param usedAt when it was used, or {@code null}
	 */
	public record StoredToken(String sessionId, Instant expiresAt, Instant usedAt) {
	}

}
