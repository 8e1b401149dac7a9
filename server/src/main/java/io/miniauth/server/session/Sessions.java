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
import io.miniauth.server.user.AccountStatus;
import io.miniauth.server.user.AccountStatuses;
import io.miniauth.server.user.User;
import io.miniauth.server.user.UserProfiles;
import io.miniauth.server.user.UserRepository;
import io.miniauth.server.web.ClientInfo;
import io.miniauth.server.webhook.WebhookEventType;
import io.miniauth.server.webhook.WebhookEvents;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

	private final AccountStatuses statuses;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final int maxPerUser;

	private final MessageSource messages;

	private final SessionLifetimes lifetimes;

	private final WebhookEvents webhooks;

	Sessions(SessionRepository sessions, RefreshTokenRepository refreshTokens, AccessTokenIssuer accessTokens,
			UserProfiles profiles, AccountStatuses statuses, PlatformTransactionManager transactionManager,
			MiniAuthProperties properties, Clock clock, MessageSource messages, WebhookEvents webhooks) {
		this.webhooks = webhooks;
		this.statuses = statuses;
		this.messages = messages;
		this.profiles = profiles;
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.accessTokens = accessTokens;
		this.transaction = SessionTransactions.readCommitted(transactionManager);
		this.clock = clock;
		this.maxPerUser = properties.session().maxPerUser();
		this.lifetimes = new SessionLifetimes(properties);
	}

	/**
	 * Starts a session with its first refresh token, and ends the user's oldest sessions
	 * beyond the cap. Runs in the login's transaction, which has locked the user's row
	 * ({@link UserRepository#recordLogin}), so that concurrent logins of one user count
	 * each other's sessions.
	 * @param user the user who logged in
	 * @param newUser whether the login created the user, who then has no other session
	 * @param client where the login came from
	 * @param refreshToken the session's first refresh token
	 * @return the session
	 */
	public Session start(User user, boolean newUser, ClientInfo client, String refreshToken) {
		Assert.notNull(user, "user cannot be null");
		Assert.hasText(refreshToken, "refreshToken cannot be empty");
		Instant now = this.clock.instant();
		Session session = new Session(UUID.randomUUID().toString(), user.id(), user.appid(), now, now,
				this.lifetimes.refreshExpiry(now, now), null, client.ip(), client.userAgent());
		this.transaction.executeWithoutResult((status) -> {
			// the login's transaction holds the user's row: a ban or a deletion takes the
			// same lock, so a login either sees it or is ended by it
			if (!newUser) {
				this.statuses.requireUnlocked(user.id());
			}
			this.sessions.insert(session);
			this.refreshTokens.insert(RefreshTokens.hash(refreshToken), session.id(), now, session.expiresAt());
			this.webhooks.publish(WebhookEventType.SESSION_CREATED, user.appid(), user.id(), sessionCreated(session));
			if (newUser) {
				return;
			}
			// the new session stays; the oldest of the others make room for it
			List<Session> others = this.sessions.findActiveByUser(user.id(), now)
				.stream()
				.filter((other) -> !other.id().equals(session.id()))
				.toList();
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
		data.put("reason", reason.wireName());
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
		IssuedToken accessToken = this.accessTokens.issue(user.id(), user.appid(), session.id(), user.externalId(),
				user.personId());
		long refreshExpiresIn = Math.max(0, Duration.between(this.clock.instant(), refreshExpiresAt).toSeconds());
		// in the language Spring MVC resolved for the request (see MessagesConfiguration)
		String msg = (isNewUser != null)
				? this.messages.getMessage("success.logged-in", null, "Logged in", LocaleContextHolder.getLocale())
				: this.messages.getMessage("success.refreshed", null, "Refreshed", LocaleContextHolder.getLocale());
		return new TokenResponse(msg, accessToken.value(), "Bearer", accessToken.expiresIn(), refreshToken,
				refreshExpiresIn, isNewUser, this.profiles.of(user));
	}

	/**
	 * The session an access token names, which must be the token user's and active.
	 * @param sessionId the {@code sid} claim
	 * @param userId the {@code sub} claim
	 * @return the session
	 * @throws TokenRevokedException when it has ended or expired
	 * @throws io.miniauth.server.user.AccountBannedException when it ended because the
	 * account is locked, and still is
	 * @throws TokenInvalidException when it is another user's
	 */
	public Session requireActive(String sessionId, String userId) {
		Instant now = this.clock.instant();
		Session session = this.sessions.findById(sessionId)
			.filter((found) -> found.isActive(now) && !this.lifetimes.isIdle(found, now))
			.orElseThrow(() -> ended(sessionId, userId));
		if (!session.userId().equals(userId)) {
			throw new TokenInvalidException("The access token's session belongs to someone else");
		}
		if (session.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now)) {
			this.sessions.touch(sessionId, now);
		}
		return session;
	}

	/**
	 * The refusal for a session that is no longer active: {@code ACCOUNT_BANNED} while
	 * the account it ended for is still locked, otherwise {@code TOKEN_REVOKED} with the
	 * reason it ended.
	 * @param sessionId the session
	 * @param userId the session's user
	 * @return the exception to throw
	 */
	public RuntimeException ended(String sessionId, String userId) {
		SessionEndReason reason = this.sessions.findEndReason(sessionId).orElse(null);
		if (reason == SessionEndReason.BANNED || reason == SessionEndReason.DELETION_PENDING) {
			AccountStatus status = this.statuses.find(userId).orElse(null);
			if (status != null) {
				AccountStatuses.refuseLocked(status);
				if (AccountStatus.DELETED.equals(status.value())) {
					// deleted since: that is what the session's end comes to
					reason = SessionEndReason.DELETED;
				}
			}
		}
		return new TokenRevokedException((reason != null) ? reason.wireName() : null);
	}

	/**
	 * Ends all of a user's active sessions, within the caller's transaction if there is
	 * one.
	 * @param userId the user
	 * @param reason why
	 * @return how many were ended
	 */
	public int endAll(String userId, SessionEndReason reason) {
		Instant now = this.clock.instant();
		return this.transaction.execute((status) -> {
			int ended = 0;
			for (Session session : this.sessions.findActiveByUser(userId, now)) {
				if (endAndTell(session, reason, now)) {
					ended++;
				}
			}
			return ended;
		});
	}

	/**
	 * Forgets where a user's sessions came from (IP address and User-Agent), within the
	 * caller's transaction if there is one.
	 * @param userId the user
	 */
	public void eraseClientInfo(String userId) {
		this.sessions.eraseClientInfo(userId);
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
	 * Ends a session on an operator's behalf.
	 * @param sessionId the session
	 * @return whether this call ended it (false when it had already ended)
	 */
	public boolean endByOperator(String sessionId) {
		Instant now = this.clock.instant();
		return this.transaction.execute((status) -> this.sessions.findById(sessionId)
			.map((session) -> endAndTell(session, SessionEndReason.ENDED_BY_OPERATOR, now))
			.orElse(false));
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

	/**
	 * Ends one of a user's active sessions for an operator; its tokens are refused at
	 * once.
	 * @throws SessionNotFoundException when the user has no active session with that id
	 */
	public void endByOperator(String userId, String sessionId) {
		Instant now = this.clock.instant();
		boolean ended = this.transaction.execute((status) -> this.sessions.findById(sessionId)
			.filter((session) -> session.userId().equals(userId) && session.isActive(now))
			.map((session) -> endAndTell(session, SessionEndReason.ENDED_BY_OPERATOR, now))
			.orElse(false));
		if (!ended) {
			throw new SessionNotFoundException();
		}
	}

	/**
	 * Ends all of a user's active sessions for an operator.
	 * @return how many were ended
	 */
	public int endAllByOperator(String userId) {
		return endAll(userId, SessionEndReason.ENDED_BY_OPERATOR);
	}

}
