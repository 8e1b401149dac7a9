package io.miniauth.emulator.phone;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.springframework.util.Assert;

/**
 * A user's phone number as WeChat reports it.
 *
 * @param purePhoneNumber the number without country code
 * @param countryCode the country code, without {@code +} ({@code "86"} for China)
 */
public record PhoneNumber(String purePhoneNumber, String countryCode) {

	/** China's country code, the default. */
	public static final String CHINA = "86";

	public PhoneNumber {
		Assert.hasText(purePhoneNumber, "purePhoneNumber cannot be empty");
		Assert.hasText(countryCode, "countryCode cannot be empty");
	}

	/**
	 * A Chinese mobile number derived from the user's handle, the same every time:
	 * {@code 138} followed by 8 digits.
	 * @param user the user's handle
	 * @return the number
	 */
	public static PhoneNumber derivedFrom(String user) {
		Assert.notNull(user, "user cannot be null");
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(user.getBytes(StandardCharsets.UTF_8));
			long value = 0;
			for (int i = 0; i < 8; i++) {
				value = (value << 8) | (digest[i] & 0xff);
			}
			return new PhoneNumber(String.format("138%08d", Long.remainderUnsigned(value, 100_000_000L)), CHINA);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * The number with its country prefix for numbers outside China, as WeChat's
	 * {@code phoneNumber} field carries it.
	 * @return the number
	 */
	public String phoneNumber() {
		return CHINA.equals(this.countryCode) ? this.purePhoneNumber : "+" + this.countryCode + this.purePhoneNumber;
	}

}
