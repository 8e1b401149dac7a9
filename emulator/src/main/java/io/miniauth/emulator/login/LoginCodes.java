package io.miniauth.emulator.login;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.util.Assert;

/**
 * The one-time codes that {@code wx.login()} hands a mini program. A code is valid for
 * five minutes, for its own app only, and can be exchanged once. A code minted as "risky"
 * stands for a login WeChat's risk control intercepts: it is never exchanged.
 */
public final class LoginCodes {

	/** How long WeChat accepts a login code. */
	public static final Duration CODE_TTL = Duration.ofMinutes(5);

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final int CODE_LENGTH = 32;

	/** Used codes are remembered this long so that a replay reports 40163, not 40029. */
	private static final Duration FORGET_AFTER = CODE_TTL.multipliedBy(2);

	private final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	public LoginCodes(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
	}

	public String mint(String appid, String openid, String user) {
		return mint(appid, openid, user, false);
	}

	/**
	 * Mints a code for a user.
	 * @param appid the app the code is for
	 * @param openid the user's openid in that app
	 * @param user the user's handle
	 * @param risky whether WeChat blocks this login (40226)
	 * @return the code
	 */
	public String mint(String appid, String openid, String user, boolean risky) {
		Instant now = this.clock.instant();
		forgetOld(now);
		String code = newCode();
		this.codes.put(code, new IssuedCode(appid, openid, user, risky, now, new AtomicBoolean()));
		return code;
	}

	/**
	 * The openid a code was minted for, whatever its state, so that per-user limits can
	 * apply before the code is spent.
	 * @param appid the app the exchange is made for
	 * @param code the code
	 * @return the openid, or empty when the code is unknown or for another app
	 */
	public Optional<String> holder(String appid, String code) {
		IssuedCode issued = this.codes.get(code);
		return (issued != null && issued.appid().equals(appid)) ? Optional.of(issued.openid()) : Optional.empty();
	}

	/**
	 * Exchanges a code, at most once.
	 * @param appid the app the exchange is made for
	 * @param code the code
	 * @return the outcome
	 */
	public Redemption redeem(String appid, String code) {
		IssuedCode issued = this.codes.get(code);
		if (issued == null || !issued.appid().equals(appid)) {
			return new Redemption.Invalid();
		}
		if (this.clock.instant().isAfter(issued.issuedAt().plus(CODE_TTL))) {
			return new Redemption.Invalid();
		}
		if (issued.risky()) {
			return new Redemption.Blocked();
		}
		if (!issued.used().compareAndSet(false, true)) {
			return new Redemption.AlreadyUsed();
		}
		return new Redemption.Redeemed(issued.openid(), issued.user());
	}

	private void forgetOld(Instant now) {
		Instant horizon = now.minus(FORGET_AFTER);
		this.codes.values().removeIf((issued) -> issued.issuedAt().isBefore(horizon));
	}

	private String newCode() {
		StringBuilder code = new StringBuilder(CODE_LENGTH).append('0');
		while (code.length() < CODE_LENGTH) {
			code.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	private record IssuedCode(String appid, String openid, String user, boolean risky, Instant issuedAt,
			AtomicBoolean used) {
	}

	/** What exchanging a code gives. */
	public sealed interface Redemption {

		/** The code was good: these are its user's identifiers. */
		record Redeemed(String openid, String user) implements Redemption {
		}

		/** Unknown, expired, or minted for another app (WeChat's 40029). */
		record Invalid() implements Redemption {
		}

		/** Minted as risky: WeChat intercepts the login (40226). */
		record Blocked() implements Redemption {
		}

		/** Exchanged before (WeChat's 40163). */
		record AlreadyUsed() implements Redemption {
		}

	}

}
