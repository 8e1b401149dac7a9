package io.miniauth.server.admin.console;

import io.miniauth.server.problem.MiniAuthException;

import org.springframework.http.HttpStatus;

/**
 * 404 {@code USER_NOT_FOUND}: no user has that id.
 */
class UserNotFoundException extends MiniAuthException {

	UserNotFoundException() {
		super(HttpStatus.NOT_FOUND, "USER_NOT_FOUND", "No user has that id");
	}

}
