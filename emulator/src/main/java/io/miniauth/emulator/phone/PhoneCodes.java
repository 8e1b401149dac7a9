package io.miniauth.emulator.phone;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.Assert;

/**
 * The codes that {@code <button open-type="getPhoneNumber">} hands a mini program: 64
 * lowercase hex characters, valid five minutes, usable once, for one app and one user.
 * Only a successful exchange spends a code.
 */
public final class PhoneCodes {

	/** How long WeChat accepts a phone code. */
	public static final Duration CODE_TTL = Duration.ofMinutes(5);

	private static final int CODE_BYTES = 32;

	private static final Duration FORGET_AFTER = CODE_TTL.multipliedBy(2);

	private final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	public PhoneCodes(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
	}

	public String mint(String appid, String openid, PhoneNumber phoneNumber) {
		Instant now = this.clock.instant();
		Instant horizon = now.minus(FORGET_AFTER);
		this.codes.values().removeIf((issued) -> issued.issuedAt().isBefore(horizon));
		byte[] bytes = new byte[CODE_BYTES];
		this.random.nextBytes(bytes);
		String code = HexFormat.of().formatHex(bytes);
		this.codes.put(code, new IssuedCode(appid, openid, phoneNumber, now));
		return code;
	}

	/**
	 * Exchanges a code for the phone number it stands for.
	 * @param appid the app of the access token the call carries
	 * @param code the code
	 * @param openid the user the caller expects, or {@code null} for any
	 * @return the outcome
	 */
	public Redemption redeem(String appid, String code, String openid) {
		IssuedCode issued = (code != null) ? this.codes.get(code) : null;
		Instant now = this.clock.instant();
		if (issued == null || !now.isBefore(issued.issuedAt().plus(CODE_TTL))) {
			return new Redemption.Invalid();
		}
		if (!issued.appid().equals(appid)) {
			return new Redemption.OtherApp();
		}
		if (openid != null && !issued.openid().equals(openid)) {
			return new Redemption.OtherUser();
		}
		if (!this.codes.remove(code, issued)) {
			return new Redemption.Invalid();
		}
		return new Redemption.Redeemed(issued.phoneNumber(), now);
	}

	private record IssuedCode(String appid, String openid, PhoneNumber phoneNumber, Instant issuedAt) {
	}

	/** What exchanging a phone code gives. */
	public sealed interface Redemption {

		/** The code was good: the number, and when the exchange happened. */
		record Redeemed(PhoneNumber phoneNumber, Instant redeemedAt) implements Redemption {
		}

		/** Unknown, expired or already used (40029). */
		record Invalid() implements Redemption {
		}

		/** Minted for another app than the access token's (40013). */
		record OtherApp() implements Redemption {
		}

		/** Minted for another user than the openid given (40003). */
		record OtherUser() implements Redemption {
		}

	}

}
