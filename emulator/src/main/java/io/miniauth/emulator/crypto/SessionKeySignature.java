package io.miniauth.emulator.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.util.Assert;

/**
 * WeChat's "user login state signature": lowercase hex HMAC-SHA256 keyed with the
 * {@code session_key} <em>text</em> (its UTF-8 bytes, not the decoded 16 bytes). The
 * message is the empty string for {@code checksession} and {@code resetusersessionkey},
 * the raw body for signed POSTs.
 */
public final class SessionKeySignature {

	/** The only {@code sig_method} WeChat accepts. */
	public static final String METHOD = "hmac_sha256";

	private static final String ALGORITHM = "HmacSHA256";

	private SessionKeySignature() {
	}

	public static String sign(String sessionKey, String message) {
		Assert.hasText(sessionKey, "sessionKey cannot be empty");
		Assert.notNull(message, "message cannot be null");
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(sessionKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/**
	 * Checks a signature in constant time.
	 * @param sessionKey the key
	 * @param message the message
	 * @param signature the signature to check, possibly {@code null}
	 * @return whether it matches
	 */
	public static boolean verify(String sessionKey, String message, String signature) {
		if (signature == null) {
			return false;
		}
		return MessageDigest.isEqual(sign(sessionKey, message).getBytes(StandardCharsets.UTF_8),
				signature.getBytes(StandardCharsets.UTF_8));
	}

}
