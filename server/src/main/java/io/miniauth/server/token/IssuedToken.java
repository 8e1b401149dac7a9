package io.miniauth.server.token;

import java.time.Instant;

/**
 * A newly signed access token.
 *
 * @param value the compact JWT
 * @param expiresIn its lifetime in seconds
 * @param expiresAt when it expires
 */
public record IssuedToken(String value, long expiresIn, Instant expiresAt) {

	@Override
	public String toString() {
		return "IssuedToken[value=******, expiresAt=" + this.expiresAt + "]";
	}

}
