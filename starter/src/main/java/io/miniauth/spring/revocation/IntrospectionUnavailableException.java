package io.miniauth.spring.revocation;

import org.springframework.security.oauth2.jwt.JwtException;

/**
 * MiniAuth could not be asked whether a token's session is active, so the token is not
 * accepted.
 */
public class IntrospectionUnavailableException extends JwtException {

	IntrospectionUnavailableException(Throwable cause) {
		// the cause's text may name MiniAuth's URL; it never holds the token or the key
		super("MiniAuth's introspection endpoint cannot be reached: " + cause.getClass().getSimpleName());
	}

}
