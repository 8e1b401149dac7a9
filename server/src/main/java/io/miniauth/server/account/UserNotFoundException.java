package io.miniauth.server.account;

import io.miniauth.server.web.ErrorCode;
import io.miniauth.server.web.MiniAuthException;

/**
 * 404 {@code USER_NOT_FOUND}: no user has that id.
 */
public class UserNotFoundException extends MiniAuthException {

	public UserNotFoundException() {
		super(ErrorCode.USER_NOT_FOUND, "No user has this id");
	}

}
