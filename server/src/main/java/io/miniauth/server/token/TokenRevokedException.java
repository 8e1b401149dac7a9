package io.miniauth.server.token;

import java.util.Collections;
import java.util.Map;

import io.miniauth.server.web.ErrorCode;

/**
 * A token whose session has ended (logout, ended from another device or by an operator,
 * replay detected, session cap, ban, deletion): 401 {@code TOKEN_REVOKED}, with a
 * {@code reason} member that says which ({@code null} when the session expired).
 */
public class TokenRevokedException extends AuthenticationException {

	private final String reason;

	public TokenRevokedException() {
		this(null);
	}

	/**
	 * @param reason why the session ended, as the API says it, or {@code null}
	 */
	public TokenRevokedException(String reason) {
		super(ErrorCode.TOKEN_REVOKED, "This session has ended: log in again");
		this.reason = reason;
	}

	/**
	 * Why the session ended.
	 * @return the reason, or {@code null}
	 */
	public String reason() {
		return this.reason;
	}

	@Override
	public Map<String, Object> properties() {
		return Collections.singletonMap("reason", this.reason);
	}

	@Override
	protected String challenge() {
		return invalidToken("The session has ended");
	}

}
