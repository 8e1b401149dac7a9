package io.miniauth.spring.revocation;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.miniauth.spring.token.RevocationCheck;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The sessions MiniAuth said have ended, each kept until no access token of it can still
 * be valid, and at most {@code capacity} of them (the ones whose tokens expire first are
 * forgotten first).
 */
public class RevokedSessions implements RevocationCheck {

	private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

	private final int capacity;

	private final Clock clock;

	public RevokedSessions(int capacity, Clock clock) {
		this.capacity = capacity;
		this.clock = clock;
	}

	/**
	 * Records an ended session.
	 * @param sessionId the session
	 * @param reason MiniAuth's reason, or {@code null}
	 * @param tokensValidUntil when the last access token of the session expires
	 */
	public void add(String sessionId, String reason, Instant tokensValidUntil) {
		Instant now = this.clock.instant();
		if (!tokensValidUntil.isAfter(now)) {
			return;
		}
		if (this.sessions.size() >= this.capacity) {
			forgetExpired(now);
		}
		if (this.sessions.size() >= this.capacity) {
			this.sessions.entrySet()
				.stream()
				.min(Map.Entry.comparingByValue((a, b) -> a.validUntil().compareTo(b.validUntil())))
				.ifPresent((oldest) -> this.sessions.remove(oldest.getKey()));
		}
		this.sessions.put(sessionId, new Entry(reason, tokensValidUntil));
	}

	@Override
	public Optional<Ended> ended(Jwt jwt) {
		Entry entry = this.sessions.get(jwt.getClaimAsString("sid"));
		return (entry != null) ? Optional.of(new Ended(entry.reason())) : Optional.empty();
	}

	/**
	 * Forgets the sessions none of whose tokens can still be valid.
	 * @param now the time
	 */
	public void forgetExpired(Instant now) {
		this.sessions.values().removeIf((entry) -> !entry.validUntil().isAfter(now));
	}

	/**
	 * How many ended sessions are known.
	 * @return the count
	 */
	public int size() {
		return this.sessions.size();
	}

	private record Entry(String reason, Instant validUntil) {

	}

}
