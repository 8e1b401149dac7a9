package io.miniauth.server.token;

import io.miniauth.server.web.ErrorCode;
import io.miniauth.server.web.MiniAuthException;

import org.springframework.http.HttpHeaders;

/**
 * 401: the caller must log in (again). Carries the {@code WWW-Authenticate} challenge of
 * RFC 6750 §3.
 */
public abstract class AuthenticationException extends MiniAuthException {

	static final String REALM = "miniauth";

	protected AuthenticationException(ErrorCode code, String msg) {
		super(code, msg);
	}

	/**
	 * The {@code WWW-Authenticate} value.
	 * @return the challenge
	 */
	protected abstract String challenge();

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge());
		return headers;
	}

	/**
	 * A challenge naming an invalid token (RFC 6750 §3.1).
	 * @param description what is wrong with it
	 * @return the header value
	 */
	protected static String invalidToken(String description) {
		return "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\"" + description + "\"";
	}

}
