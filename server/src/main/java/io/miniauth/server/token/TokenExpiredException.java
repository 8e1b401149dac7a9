package io.miniauth.server.token;

import io.miniauth.server.web.ErrorCode;

/**
 * A genuine access token whose time is up: 401 {@code TOKEN_EXPIRED}.
 */
public class TokenExpiredException extends AuthenticationException {

	public TokenExpiredException() {
		super(ErrorCode.TOKEN_EXPIRED, "The access token expired: log in again");
	}

	@Override
	protected String challenge() {
		return invalidToken("The access token expired");
	}

}
