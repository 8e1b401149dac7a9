package io.miniauth.server.operator;

import io.miniauth.server.problem.MiniAuthException;

import org.springframework.http.HttpStatus;

/**
 * A request to the admin API without the right credentials.
 */
class OperatorAccessException extends MiniAuthException {

	private OperatorAccessException(HttpStatus status, String code, String msg) {
		super(status, code, msg);
	}

	/** 401 {@code UNAUTHORIZED}: no valid console session and no valid API key. */
	static OperatorAccessException unauthorized() {
		return new OperatorAccessException(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
				"Sign in to the console or send an admin API key");
	}

	/** 403 {@code FORBIDDEN}: a viewer asked for a change. */
	static OperatorAccessException forbidden() {
		return new OperatorAccessException(HttpStatus.FORBIDDEN, "FORBIDDEN", "This needs the admin role");
	}

	/** 403 {@code CSRF_INVALID}: a console change without the CSRF token. */
	static OperatorAccessException csrf() {
		return new OperatorAccessException(HttpStatus.FORBIDDEN, "CSRF_INVALID",
				"The CSRF token is missing or wrong: reload the console");
	}

	/** 401 {@code SIGN_IN_FAILED}: wrong username or password. */
	static OperatorAccessException signInFailed() {
		return new OperatorAccessException(HttpStatus.UNAUTHORIZED, "SIGN_IN_FAILED", "Wrong username or password");
	}

}
