package io.miniauth.server.account;

import io.miniauth.server.web.MiniAuthException;

import org.springframework.http.HttpStatus;

/**
 * 404 {@code USER_NOT_FOUND}: no user has that id.
 */
public class UserNotFoundException extends MiniAuthException {

	public UserNotFoundException() {
		super(HttpStatus.NOT_FOUND, "USER_NOT_FOUND", "No user has this id");
	}

}
