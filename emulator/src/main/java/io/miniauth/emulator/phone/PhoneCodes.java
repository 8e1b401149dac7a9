package io.miniauth.emulator.phone;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import io.miniauth.emulator.code.OneTimeCodes;
import io.miniauth.emulator.code.OneTimeCodes.Issued;

/**
 * The codes that {@code <button open-type="getPhoneNumber">} hands a mini program: 64
 * lowercase hex characters, valid five minutes, usable once, for one app and one user.
 * Only a successful exchange spends a code.
 */
public final class PhoneCodes {

	/** How long WeChat accepts a phone code. */
	public static final Duration CODE_TTL = Duration.ofMinutes(5);

	private static final int CODE_BYTES = 32;

	private final OneTimeCodes<PhoneCode> codes;

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	public PhoneCodes(Clock clock) {
		this.codes = new OneTimeCodes<>(clock, CODE_TTL);
		this.clock = clock;
	}

	public String mint(String appid, String openid, PhoneNumber phoneNumber) {
		byte[] bytes = new byte[CODE_BYTES];
		this.random.nextBytes(bytes);
		String code = HexFormat.of().formatHex(bytes);
		this.codes.issue(code, new PhoneCode(appid, openid, phoneNumber));
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
		Issued<PhoneCode> issued = this.codes.live(code).orElse(null);
		if (issued == null) {
			return new Redemption.Invalid();
		}
		PhoneCode details = issued.details();
		if (!details.appid().equals(appid)) {
			return new Redemption.OtherApp();
		}
		if (openid != null && !details.openid().equals(openid)) {
			return new Redemption.OtherUser();
		}
		if (!issued.spend()) {
			return new Redemption.Invalid();
		}
		return new Redemption.Redeemed(details.phoneNumber(), this.clock.instant());
	}

	private record PhoneCode(String appid, String openid, PhoneNumber phoneNumber) {
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
