package io.miniauth.server.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads the access token from an {@code Authorization} header: {@code Bearer <token>}
 * (RFC 6750 §2.1) or the bare {@code <token>} that much existing mini program code sends.
 */
final class BearerToken {

	private static final String BEARER = "bearer ";

	private BearerToken() {
	}

	static Optional<String> from(String authorization) {
		if (authorization == null) {
			return Optional.empty();
		}
		String value = authorization.strip();
		String lowercase = value.toLowerCase(Locale.ROOT);
		if (lowercase.equals(BEARER.strip())) {
			return Optional.empty();
		}
		if (lowercase.startsWith(BEARER)) {
			value = value.substring(BEARER.length()).strip();
		}
		return value.isEmpty() ? Optional.empty() : Optional.of(value);
	}

}
