package io.miniauth.server.token;

import io.miniauth.server.web.ErrorCode;

/**
 * A token whose session has ended (logout, ended from another device, replay detected):
 * 401 {@code TOKEN_REVOKED}.
 */
public class TokenRevokedException extends AuthenticationException {

	public TokenRevokedException() {
		super(ErrorCode.TOKEN_REVOKED, "This session has ended: log in again");
	}

	@Override
	protected String challenge() {
		return invalidToken("The session has ended");
	}

}
