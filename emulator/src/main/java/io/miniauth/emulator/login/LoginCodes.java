package io.miniauth.emulator.login;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.miniauth.emulator.code.OneTimeCodes;
import io.miniauth.emulator.code.OneTimeCodes.Issued;

/**
 * The one-time codes that {@code wx.login()} hands a mini program. A code is valid for
 * five minutes, for its own app only, and can be exchanged once. A code minted as "risky"
 * stands for a login WeChat's risk control intercepts: it is never exchanged. Used codes
 * are remembered for a while so that a replay reports 40163, not 40029.
 */
public final class LoginCodes {

	/** How long WeChat accepts a login code. */
	public static final Duration CODE_TTL = Duration.ofMinutes(5);

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final int CODE_LENGTH = 32;

	private final OneTimeCodes<LoginCode> codes;

	private final SecureRandom random = new SecureRandom();

	public LoginCodes(Clock clock) {
		this.codes = new OneTimeCodes<>(clock, CODE_TTL);
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
		String code = newCode();
		this.codes.issue(code, new LoginCode(appid, openid, user, risky));
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
		return this.codes.find(code)
			.map(Issued::details)
			.filter((details) -> details.appid().equals(appid))
			.map(LoginCode::openid);
	}

	/**
	 * Exchanges a code, at most once.
	 * @param appid the app the exchange is made for
	 * @param code the code
	 * @return the outcome
	 */
	public Redemption redeem(String appid, String code) {
		Issued<LoginCode> issued = this.codes.live(code)
			.filter((live) -> live.details().appid().equals(appid))
			.orElse(null);
		if (issued == null) {
			return new Redemption.Invalid();
		}
		LoginCode details = issued.details();
		if (details.risky()) {
			return new Redemption.Blocked();
		}
		if (!issued.spend()) {
			return new Redemption.AlreadyUsed();
		}
		return new Redemption.Redeemed(details.openid(), details.user());
	}

	private String newCode() {
		StringBuilder code = new StringBuilder(CODE_LENGTH).append('0');
		while (code.length() < CODE_LENGTH) {
			code.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	private record LoginCode(String appid, String openid, String user, boolean risky) {
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
