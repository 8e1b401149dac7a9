package io.miniauth.emulator.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import io.miniauth.emulator.api.WeChatError;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The access tokens of both WeChat token endpoints, kept in two isolated pools as WeChat
 * does: getting one kind never affects the other.
 * <ul>
 * <li>{@code /cgi-bin/token}: every call issues a new token valid 7200 s; the app's
 * previous token keeps working for 300 s more, then answers 40001 ("not latest").</li>
 * <li>{@code /cgi-bin/stable_token}: the same token while it has more than 300 s left;
 * then a new one (the old one lives out its life). Force mode revokes the current stable
 * token at once and is limited to 20 a day, at least 30 s apart (45009).</li>
 * </ul>
 * A token past its natural 7200 s answers 42001.
 */
public final class AccessTokens {

	/** How long a token lives. */
	public static final Duration LIFETIME = Duration.ofSeconds(7200);

	/** How long a replaced {@code /cgi-bin/token} token keeps working. */
	public static final Duration OVERLAP = Duration.ofMinutes(5);

	/** How long before expiry the stable token is replaced. */
	public static final Duration STABLE_RENEWAL = Duration.ofMinutes(5);

	/** The least time between two forced stable-token refreshes. */
	public static final Duration FORCE_INTERVAL = Duration.ofSeconds(30);

	/** How many forced stable-token refreshes an app gets per day. */
	public static final int FORCE_PER_DAY = 20;

	private static final int RANDOM_BYTES = 102;

	private static final Duration FORGET_AFTER = Duration.ofDays(1);

	private final Map<String, IssuedToken> tokens = new HashMap<>();

	private final Map<String, String> latest = new HashMap<>();

	private final Map<String, String> stable = new HashMap<>();

	private final Map<String, ForceQuota> forceQuotas = new HashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private long serial;

	private Instant nextSweep = Instant.MIN;

	public AccessTokens(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
	}

	/**
	 * Issues a {@code /cgi-bin/token} token, cutting the app's previous one down to the
	 * overlap period.
	 * @param appid the app
	 * @return the new token
	 */
	public synchronized Grant issue(String appid) {
		Instant now = this.clock.instant();
		forgetOld(now);
		IssuedToken previous = this.tokens.get(this.latest.get(appid));
		if (previous != null) {
			previous.cutTo(now.plus(OVERLAP));
		}
		String value = newToken(appid, now);
		this.latest.put(appid, value);
		return new Grant(value, LIFETIME.toSeconds());
	}

	/**
	 * Answers {@code /cgi-bin/stable_token}.
	 * @param appid the app
	 * @param forceRefresh whether to revoke the current stable token and issue a new one
	 * @return the token and its remaining life, or empty when the force quota is spent
	 */
	public synchronized StableGrant stable(String appid, boolean forceRefresh) {
		Instant now = this.clock.instant();
		forgetOld(now);
		IssuedToken current = this.tokens.get(this.stable.get(appid));
		if (forceRefresh) {
			ForceQuota quota = this.forceQuotas.computeIfAbsent(appid, (key) -> new ForceQuota());
			if (!quota.tryAcquire(now, LocalDate.ofInstant(now, this.clock.getZone()))) {
				return new StableGrant.QuotaReached();
			}
			if (current != null) {
				current.cutTo(now);
			}
		}
		else if (current != null && current.isUsable(now) && now.isBefore(current.expiresAt().minus(STABLE_RENEWAL))) {
			return new StableGrant.Granted(
					new Grant(current.value(), Duration.between(now, current.expiresAt()).toSeconds()));
		}
		String value = newToken(appid, now);
		this.stable.put(appid, value);
		return new StableGrant.Granted(new Grant(value, LIFETIME.toSeconds()));
	}

	/**
	 * Checks the {@code access_token} an API call carries.
	 * @param accessToken the token, possibly empty
	 * @return the app the token belongs to, or WeChat's error
	 */
	public synchronized TokenCheck check(String accessToken) {
		if (!StringUtils.hasText(accessToken)) {
			return new TokenCheck.Rejected(WeChatError.of(41001));
		}
		IssuedToken issued = this.tokens.get(accessToken);
		Instant now = this.clock.instant();
		if (issued == null || (!issued.isUsable(now) && issued.wasCut())) {
			return new TokenCheck.Rejected(WeChatError.of(40001));
		}
		if (!issued.isUsable(now)) {
			return new TokenCheck.Rejected(WeChatError.of(42001));
		}
		return new TokenCheck.Valid(issued.appid());
	}

	private String newToken(String appid, Instant now) {
		byte[] bytes = new byte[RANDOM_BYTES];
		this.random.nextBytes(bytes);
		this.serial++;
		String value = (this.serial % 90 + 10) + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.tokens.put(value, new IssuedToken(value, appid, now.plus(LIFETIME)));
		return value;
	}

	/**
	 * Forgets the tokens that expired more than a day ago, at most once per token
	 * lifetime so that issuing does not scan every token each time.
	 */
	private void forgetOld(Instant now) {
		if (now.isBefore(this.nextSweep)) {
			return;
		}
		this.nextSweep = now.plus(LIFETIME);
		Instant horizon = now.minus(FORGET_AFTER);
		this.tokens.values().removeIf((issued) -> issued.expiresAt().isBefore(horizon));
	}

	/**
	 * A token as the endpoints answer it.
	 *
	 * @param accessToken the token
	 * @param expiresIn its remaining life in seconds
	 */
	public record Grant(String accessToken, long expiresIn) {
	}

	/** What {@link #stable} gives. */
	public sealed interface StableGrant {

		/** A token. */
		record Granted(Grant grant) implements StableGrant {
		}

		/** The force-refresh quota is spent (45009). */
		record QuotaReached() implements StableGrant {
		}

	}

	private static final class IssuedToken {

		private final String value;

		private final String appid;

		private final Instant expiresAt;

		private Instant usableUntil;

		IssuedToken(String value, String appid, Instant expiresAt) {
			this.value = value;
			this.appid = appid;
			this.expiresAt = expiresAt;
			this.usableUntil = expiresAt;
		}

		String value() {
			return this.value;
		}

		String appid() {
			return this.appid;
		}

		Instant expiresAt() {
			return this.expiresAt;
		}

		void cutTo(Instant until) {
			if (until.isBefore(this.usableUntil)) {
				this.usableUntil = until;
			}
		}

		boolean wasCut() {
			return this.usableUntil.isBefore(this.expiresAt);
		}

		boolean isUsable(Instant now) {
			return now.isBefore(this.usableUntil);
		}

	}

	private static final class ForceQuota {

		private LocalDate day;

		private int used;

		private Instant last;

		boolean tryAcquire(Instant now, LocalDate today) {
			if (!today.equals(this.day)) {
				this.day = today;
				this.used = 0;
			}
			if (this.used >= FORCE_PER_DAY || (this.last != null && now.isBefore(this.last.plus(FORCE_INTERVAL)))) {
				return false;
			}
			this.used++;
			this.last = now;
			return true;
		}

	}

}
