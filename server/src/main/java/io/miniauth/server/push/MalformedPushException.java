package io.miniauth.server.push;

import io.miniauth.server.web.ErrorCode;
import io.miniauth.server.web.MiniAuthException;

/**
 * 400 {@code PUSH_MALFORMED}: a push that cannot be read (not JSON or XML, no event, does
 * not decrypt).
 */
class MalformedPushException extends MiniAuthException {

	MalformedPushException(String msg) {
		super(ErrorCode.PUSH_MALFORMED, msg);
	}

}
