package io.miniauth.server.token;

import io.miniauth.server.web.ErrorCode;

/**
 * An access token that is malformed, forged, or not issued by this service: 401
 * {@code TOKEN_INVALID}.
 */
public class TokenInvalidException extends AuthenticationException {

	public TokenInvalidException(String msg) {
		super(ErrorCode.TOKEN_INVALID, msg);
	}

	@Override
	protected String challenge() {
		return invalidToken("The access token is not valid");
	}

}
