package io.miniauth.server.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * WeChat's push signatures: the lower-case hex SHA-1 of the parts (Token, timestamp,
 * nonce, and for {@code msg_signature} the {@code Encrypt} value) sorted and joined with
 * nothing between them.
 */
final class PushSignature {

	private PushSignature() {
	}

	static String of(String... parts) {
		String[] sorted = parts.clone();
		Arrays.sort(sorted);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1")
					.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is missing", ex);
		}
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
		return MessageDigest.isEqual(of(parts).getBytes(StandardCharsets.US_ASCII),
				presented.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

}
