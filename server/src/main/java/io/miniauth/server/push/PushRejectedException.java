package io.miniauth.server.push;

import io.miniauth.server.web.ErrorCode;
import io.miniauth.server.web.MiniAuthException;

/**
 * A push refused before it is read: 401 {@code PUSH_SIGNATURE_INVALID} when its signature
 * does not match the app's Token, 404 {@code PUSH_NOT_CONFIGURED} when the app has no
 * push Token.
 */
class PushRejectedException extends MiniAuthException {

	private PushRejectedException(ErrorCode code, String msg) {
		super(code, msg);
	}

	static PushRejectedException badSignature() {
		return new PushRejectedException(ErrorCode.PUSH_SIGNATURE_INVALID,
				"The push signature does not match the app's Token");
	}

	static PushRejectedException notConfigured() {
		return new PushRejectedException(ErrorCode.PUSH_NOT_CONFIGURED,
				"This app has no message push Token configured");
	}

}
