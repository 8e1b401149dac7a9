package io.miniauth.server.session;

import io.miniauth.server.web.ErrorCode;

import io.miniauth.server.token.AuthenticationException;

/**
 * A refresh token that is unknown or expired: 401 {@code REFRESH_TOKEN_INVALID}.
 */
public class RefreshTokenInvalidException extends AuthenticationException {

	public RefreshTokenInvalidException() {
		super(ErrorCode.REFRESH_TOKEN_INVALID, "The refresh token is not valid: log in again");
	}

	@Override
	protected String challenge() {
		return invalidToken("The refresh token is not valid");
	}

}
