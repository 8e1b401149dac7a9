package io.miniauth.server.session;

import io.miniauth.server.web.ErrorCode;
import io.miniauth.server.web.MiniAuthException;

/**
 * The caller has no active session with that id: 404 {@code SESSION_NOT_FOUND}.
 */
public class SessionNotFoundException extends MiniAuthException {

	public SessionNotFoundException() {
		super(ErrorCode.SESSION_NOT_FOUND, "No active session of yours has that id");
	}

}
