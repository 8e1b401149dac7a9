package io.miniauth.server.session;

import io.miniauth.server.web.MiniAuthException;

import org.springframework.http.HttpStatus;

/**
 * The caller has no active session with that id: 404 {@code SESSION_NOT_FOUND}.
 */
public class SessionNotFoundException extends MiniAuthException {

	public SessionNotFoundException() {
		super(HttpStatus.NOT_FOUND, "SESSION_NOT_FOUND", "No active session of yours has that id");
	}

}
