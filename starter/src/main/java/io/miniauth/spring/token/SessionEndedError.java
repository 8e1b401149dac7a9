package io.miniauth.spring.token;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * The token's session has ended at MiniAuth (logout, a ban, a deletion, ...), with
 * MiniAuth's {@code reason} when it is known.
 */
public final class SessionEndedError extends OAuth2Error {

	private final String reason;

	SessionEndedError(String reason) {
		super(OAuth2ErrorCodes.INVALID_TOKEN, "The session of this token has ended", null);
		this.reason = reason;
	}

	/**
	 * Why the session ended.
	 * @return MiniAuth's reason ({@code logout}, {@code banned}, ...), or {@code null}
	 */
	public String reason() {
		return this.reason;
	}

}
