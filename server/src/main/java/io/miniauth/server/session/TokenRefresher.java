package io.miniauth.server.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.miniauth.server.audit.AuthEventType;
import io.miniauth.server.audit.AuthEvents;
import io.miniauth.server.config.Budget;
import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.ratelimit.RateLimiter;
import io.miniauth.server.session.RefreshTokenRepository.StoredRefreshToken;
import io.miniauth.server.token.TokenInvalidException;
import io.miniauth.server.user.User;
import io.miniauth.server.user.UserRepository;
import io.miniauth.server.web.ClientAddress;
import io.miniauth.server.web.ClientInfo;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exchanges a refresh token for a new access token and a new refresh token (rotation).
 * Each refresh token works once. Presenting a used one again within the reuse interval
 * (two requests racing, or an answer lost on a bad network) answers with the same
 * successor; later, it is taken as a stolen copy being replayed and the whole session is
 * ended (RFC 9700 §4.14.2).
 */
@Service
class TokenRefresher {

	private final RefreshTokenRepository refreshTokens;

	private final SessionRepository sessionRepository;

	private final RefreshTokens tokens;

	private final Sessions sessions;

	private final UserRepository users;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final SessionLifetimes lifetimes;

	private final Budget invalidBudget;

	private final int ipv6Prefix;

	private final Duration reuseInterval;

	private final RateLimiter rateLimiter;

	private final Budget budget;

	private final AuthEvents events;

	TokenRefresher(RefreshTokenRepository refreshTokens, SessionRepository sessionRepository, RefreshTokens tokens,
			Sessions sessions, UserRepository users, PlatformTransactionManager transactionManager,
			RateLimiter rateLimiter, AuthEvents events, MiniAuthProperties properties, Clock clock) {
		this.events = events;
		this.rateLimiter = rateLimiter;
		this.budget = properties.rateLimit().refreshPerSession();
		this.invalidBudget = properties.rateLimit().refreshInvalidPerIp();
		this.ipv6Prefix = properties.rateLimit().ipv6Prefix();
		this.refreshTokens = refreshTokens;
		this.sessionRepository = sessionRepository;
		this.tokens = tokens;
		this.sessions = sessions;
		this.users = users;
		this.transaction = SessionTransactions.readCommitted(transactionManager);
		this.clock = clock;
		this.lifetimes = new SessionLifetimes(properties);
		this.reuseInterval = properties.token().refreshReuseInterval();
	}

	TokenResponse refresh(String refreshToken, String requestedApp, ClientInfo client) {
		String token = refreshToken.strip();
		// RFC 6749 §6: the token must be one we issued ...
		// an address that sent too many unknown tokens is refused before the lookup, so
		// that guessing cannot go on
		String network = ClientAddress.network(client.ip(), this.ipv6Prefix);
		this.rateLimiter.check("refresh-invalid-ip", network, this.invalidBudget);
		StoredRefreshToken stored = this.refreshTokens.find(RefreshTokens.hash(token)).orElse(null);
		if (stored == null) {
			throw invalid(network);
		}
		// the budget is per session, spent before anything is written
		this.rateLimiter.consume("refresh-session", stored.sessionId(), this.budget);
		Instant now = this.clock.instant();
		// ... and must not have expired
		if (!now.isBefore(stored.expiresAt())) {
			throw invalid(network);
		}
		Rotation rotation = this.transaction.execute((status) -> rotate(token, stored, requestedApp, now));
		Session session = rotation.session();
		if (rotation.replayed()) {
			this.events.record(AuthEventType.REFRESH_REPLAY, "REFRESH_TOKEN_REUSED", null, session.appid(),
					session.userId(), session.id(), client);
			throw new RefreshTokenReusedException();
		}
		User user = this.users.findById(session.userId()).orElseThrow(RefreshTokenInvalidException::new);
		this.events.record(AuthEventType.REFRESH, "ok", null, session.appid(), session.userId(), session.id(), client);
		return this.sessions.tokens(session, user, rotation.successor(), rotation.expiresAt(), null);
	}

	private RefreshTokenInvalidException invalid(String network) {
		this.rateLimiter.consume("refresh-invalid-ip", network, this.invalidBudget);
		return new RefreshTokenInvalidException();
	}

	private Rotation rotate(String token, StoredRefreshToken stored, String requestedApp, Instant now) {
		// the session must not have ended. It is locked first, so that ending it waits
		// for this rotation or this rotation sees it ended. (Had the successor's foreign
		// key taken a shared lock on it first, the update below would have to upgrade
		// that lock, and could deadlock with a logout.)
		Session session = this.sessionRepository.lockActive(stored.sessionId(), now)
			.orElseThrow(() -> this.sessions.ended(stored.sessionId(), sessionUser(stored.sessionId())));
		// a session left unused for longer than the idle timeout has ended
		if (this.lifetimes.isIdle(session, now)) {
			throw new RefreshTokenInvalidException();
		}
		// a request naming another app is refused before the token is spent
		if (requestedApp != null && !requestedApp.equals(session.appid())) {
			throw new TokenInvalidException("The refresh token was issued for another app");
		}
		String hash = RefreshTokens.hash(token);
		String successor = this.tokens.successorOf(token);
		String successorHash = RefreshTokens.hash(successor);
		// the token as read above may have been used since; marking it decides
		if (stored.usedAt() == null && this.refreshTokens.markUsed(hash, now)) {
			// RFC 9700 §4.14.2: rotate, so that a stolen copy is detected when reused
			// but never beyond the session's maximum lifetime
			Instant expiresAt = this.lifetimes.refreshExpiry(session.createdAt(), now);
			this.refreshTokens.insert(successorHash, session.id(), now, expiresAt);
			this.sessionRepository.extend(session.id(), now, expiresAt);
			return new Rotation(session, successor, expiresAt, false);
		}
		// used already; its successor was made at that moment. Within the reuse interval
		// the answer is the same successor (requests that raced, or an answer lost on
		// the way)
		StoredRefreshToken next = this.refreshTokens.find(successorHash).orElse(null);
		if (next != null && !now.isAfter(next.createdAt().plus(this.reuseInterval))) {
			return new Rotation(session, successor, next.expiresAt(), false);
		}
		// a replay: end the session, and say so only after this is committed
		this.sessions.endAndTell(session, SessionEndReason.REFRESH_REPLAY, now);
		return new Rotation(session, null, null, true);
	}

	private String sessionUser(String sessionId) {
		return this.sessionRepository.findById(sessionId).map(Session::userId).orElse("");
	}

	private record Rotation(Session session, String successor, Instant expiresAt, boolean replayed) {
	}

}
