package io.miniauth.server.token;

import io.miniauth.server.web.ErrorCode;

/**
 * No access token came with a request that needs one: 401 {@code UNAUTHORIZED}.
 */
public class TokenMissingException extends AuthenticationException {

	public TokenMissingException() {
		super(ErrorCode.UNAUTHORIZED, "Log in first: this request needs an access token");
	}

	@Override
	protected String challenge() {
		// RFC 6750 §3.1: no error code when the request carried no credentials
		return "Bearer realm=\"" + REALM + "\"";
	}

}
