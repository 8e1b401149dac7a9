package io.miniauth.spring.token;

import java.util.Optional;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tells whether the session of a token that verified locally has ended at MiniAuth.
 */
@FunctionalInterface
public interface RevocationCheck {

	/** Never refuses: a token is valid until it expires. */
	RevocationCheck NONE = (jwt) -> Optional.empty();

	/**
	 * The end of the token's session.
	 * @param jwt a token whose signature, issuer, audience and times are valid
	 * @return empty while the session is active; else why it ended (the reason may be
	 * {@code null} when MiniAuth does not say)
	 */
	Optional<Ended> ended(Jwt jwt);

	/**
	 * A session's end.
	 *
	 * @param reason MiniAuth's reason, or {@code null}
	 */
	record Ended(String reason) {

	}

}
