package io.miniauth.server.session;

import io.miniauth.server.web.ErrorCode;

import io.miniauth.server.token.AuthenticationException;

/**
 * A refresh token presented again after it was exchanged, outside the reuse interval: a
 * stolen copy is presumed and the whole session has been ended (RFC 9700 §4.14.2). 401
 * {@code REFRESH_TOKEN_REUSED}.
 */
public class RefreshTokenReusedException extends AuthenticationException {

	public RefreshTokenReusedException() {
		super(ErrorCode.REFRESH_TOKEN_REUSED,
				"The refresh token was already used, so this session has been ended for safety: log in again");
	}

	@Override
	protected String challenge() {
		return invalidToken("The refresh token was already used");
	}

}
