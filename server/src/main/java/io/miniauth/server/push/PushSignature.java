package io.miniauth.server.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;

import io.miniauth.emulator.push.PushSealer;

/**
 * Checks WeChat's push signatures: the lower-case hex SHA-1 of the parts (Token,
 * timestamp, nonce, and for {@code msg_signature} the {@code Encrypt} value) sorted and
 * joined with nothing between them, computed as the emulator signs its pushes.
 */
final class PushSignature {

	private PushSignature() {
	}

	/**
	 * Whether a presented signature is the one expected, compared in constant time.
	 * @param presented the signature sent, or {@code null}
	 * @param parts what it signs; none may be {@code null}
	 * @return whether it matches
	 */
	static boolean matches(String presented, String... parts) {
		if (presented == null || Arrays.stream(parts).anyMatch((part) -> part == null || part.isEmpty())) {
			return false;
		}
		return MessageDigest.isEqual(PushSealer.sign(parts).getBytes(StandardCharsets.US_ASCII),
				presented.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

}
