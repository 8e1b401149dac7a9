package io.miniauth.server.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.token.AccessTokenIssuer;
import io.miniauth.server.token.IssuedToken;
import io.miniauth.server.token.TokenInvalidException;
import io.miniauth.server.token.TokenRevokedException;
import io.miniauth.server.user.User;
import io.miniauth.server.user.UserProfiles;
import io.miniauth.server.user.UserRepository;
import io.miniauth.server.web.ClientInfo;
import io.miniauth.server.webhook.WebhookEventType;
import io.miniauth.server.webhook.WebhookEvents;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Sessions: started by a login, kept alive by refreshes, ended by logout, by the user
 * from another device, by the per-user cap, or by a refresh replay. An ended session's
 * access and refresh tokens are refused at once.
 */
@Service
public class Sessions {

	/** How stale {@code last_used_at} may get before a request updates it. */
	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private final SessionRepository sessions;

	private final RefreshTokenRepository refreshTokens;

	private final AccessTokenIssuer accessTokens;

	private final UserProfiles profiles;

	private final UserRepository users;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Duration refreshLifetime;

	private final int maxPerUser;

	private final WebhookEvents webhooks;

	Sessions(SessionRepository sessions, RefreshTokenRepository refreshTokens, AccessTokenIssuer accessTokens,
			UserProfiles profiles, UserRepository users, PlatformTransactionManager transactionManager,
			MiniAuthProperties properties, WebhookEvents webhooks, Clock clock) {
		this.webhooks = webhooks;
		this.profiles = profiles;
		this.users = users;
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.accessTokens = accessTokens;
		this.transaction = SessionTransactions.readCommitted(transactionManager);
		this.clock = clock;
		this.refreshLifetime = properties.token().refreshLifetime();
		this.maxPerUser = properties.session().maxPerUser();
	}

	/**
	 * Starts a session with its first refresh token, and ends the user's oldest sessions
	 * beyond the cap.
	 * @param user the user who logged in
	 * @param client where the login came from
	 * @param refreshToken the session's first refresh token
	 * @return the session
	 */
	public Session start(User user, ClientInfo client, String refreshToken) {
		Assert.notNull(user, "user cannot be null");
		Assert.hasText(refreshToken, "refreshToken cannot be empty");
		Instant now = this.clock.instant();
		Session session = new Session(UUID.randomUUID().toString(), user.id(), user.appid(), now, now,
				now.plus(this.refreshLifetime), null, client.ip(), client.userAgent());
		this.transaction.executeWithoutResult((status) -> {
			// concurrent logins of one user count each other's sessions
			this.users.lock(user.id());
			this.sessions.insert(session);
			this.refreshTokens.insert(RefreshTokens.hash(refreshToken), session.id(), now, session.expiresAt());
			// the new session stays; the oldest of the others make room for it
			List<Session> others = this.sessions.findActiveByUser(user.id(), now)
				.stream()
				.filter((other) -> !other.id().equals(session.id()))
				.toList();
			this.webhooks.publish(WebhookEventType.SESSION_CREATED, user.appid(), user.id(), sessionCreated(session));
			for (Session oldest : others.subList(0, Math.max(0, others.size() - (this.maxPerUser - 1)))) {
				endAndTell(oldest, SessionEndReason.SESSION_LIMIT, now);
			}
		});
		return session;
	}

	/**
	 * Ends a session and tells the webhooks, in the caller's transaction.
	 * @param session the session
	 * @param reason why it ends
	 * @param now the time
	 * @return whether this call ended it (false when it had already ended)
	 */
	boolean endAndTell(Session session, SessionEndReason reason, Instant now) {
		if (!this.sessions.revoke(session.id(), reason, now)) {
			return false;
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("sessionId", session.id());
		data.put("reason", reason.name());
		this.webhooks.publish(WebhookEventType.SESSION_ENDED, session.appid(), session.userId(), data);
		return true;
	}

	private static Map<String, Object> sessionCreated(Session session) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("sessionId", session.id());
		data.put("expiresAt", session.expiresAt().toString());
		return data;
	}

	/**
	 * The answer that hands a client its tokens for a session.
	 * @param session the session
	 * @param user the session's user
	 * @param refreshToken the refresh token to hand out
	 * @param refreshExpiresAt when that refresh token expires
	 * @param isNewUser for a login, whether it created the user; {@code null} otherwise
	 * @return the answer
	 */
	public TokenResponse tokens(Session session, User user, String refreshToken, Instant refreshExpiresAt,
			Boolean isNewUser) {
		IssuedToken accessToken = this.accessTokens.issue(user.id(), user.appid(), session.id(), user.externalId());
		long refreshExpiresIn = Math.max(0, Duration.between(this.clock.instant(), refreshExpiresAt).toSeconds());
		String msg = (isNewUser != null) ? "Logged in" : "Refreshed";
		return new TokenResponse(msg, accessToken.value(), "Bearer", accessToken.expiresIn(), refreshToken,
				refreshExpiresIn, isNewUser, this.profiles.of(user));
	}

	/**
	 * The session an access token names, which must be the token user's and active.
	 * @param sessionId the {@code sid} claim
	 * @param userId the {@code sub} claim
	 * @return the session
	 * @throws TokenRevokedException when it has ended or expired
	 * @throws TokenInvalidException when it is another user's
	 */
	public Session requireActive(String sessionId, String userId) {
		Instant now = this.clock.instant();
		Session session = this.sessions.findById(sessionId)
			.filter((found) -> found.isActive(now))
			.orElseThrow(TokenRevokedException::new);
		if (!session.userId().equals(userId)) {
			throw new TokenInvalidException("The access token's session belongs to someone else");
		}
		if (session.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now)) {
			this.sessions.touch(sessionId, now);
		}
		return session;
	}

	/**
	 * When a session's refresh token expires, provided it is unused.
	 * @param sessionId the session
	 * @param refreshToken the token
	 * @return its expiry, or empty when it was used, has expired, or is unknown
	 */
	public Optional<Instant> unusedRefreshTokenExpiry(String sessionId, String refreshToken) {
		Instant now = this.clock.instant();
		return this.refreshTokens.find(RefreshTokens.hash(refreshToken))
			.filter((stored) -> stored.sessionId().equals(sessionId) && stored.usedAt() == null
					&& now.isBefore(stored.expiresAt()))
			.map(RefreshTokenRepository.StoredRefreshToken::expiresAt);
	}

	/**
	 * A session, if it has neither ended nor expired.
	 * @param sessionId the session
	 * @return the session, or empty
	 */
	public Optional<Session> findActive(String sessionId) {
		return this.sessions.findById(sessionId).filter((session) -> session.isActive(this.clock.instant()));
	}

	public List<Session> active(String userId) {
		return this.sessions.findActiveByUser(userId, this.clock.instant());
	}

	public void end(String sessionId, SessionEndReason reason) {
		Instant now = this.clock.instant();
		this.transaction.executeWithoutResult(
				(status) -> this.sessions.findById(sessionId).ifPresent((session) -> endAndTell(session, reason, now)));
	}

	/**
	 * Ends one of the user's active sessions.
	 * @throws SessionNotFoundException when the user has no active session with that id
	 */
	public void endOwn(String userId, String sessionId) {
		Instant now = this.clock.instant();
		boolean ended = this.transaction.execute((status) -> this.sessions.findById(sessionId)
			.filter((session) -> session.userId().equals(userId) && session.isActive(now))
			.map((session) -> endAndTell(session, SessionEndReason.ENDED_BY_USER, now))
			.orElse(false));
		if (!ended) {
			throw new SessionNotFoundException();
		}
	}

	/**
	 * Ends all of the user's sessions but one ("log out other devices").
	 * @return how many were ended
	 */
	public int endOthers(String userId, String keepSessionId) {
		Instant now = this.clock.instant();
		return this.transaction.execute((status) -> {
			int ended = 0;
			for (Session session : this.sessions.findActiveByUser(userId, now)) {
				if (!session.id().equals(keepSessionId) && endAndTell(session, SessionEndReason.ENDED_BY_USER, now)) {
					ended++;
				}
			}
			return ended;
		});
	}

}
