package io.miniauth.server.token;

/**
 * A newly signed access token.
 *
 * @param value the compact JWT
 * @param expiresIn its lifetime in seconds
 */
public record IssuedToken(String value, long expiresIn) {

	@Override
	public String toString() {
		return "IssuedToken[value=******, expiresIn=" + this.expiresIn + "]";
	}

}
