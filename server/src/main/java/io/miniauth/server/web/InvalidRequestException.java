package io.miniauth.server.web;

import org.springframework.http.HttpStatus;

/**
 * A request whose content is not acceptable: 400 {@code INVALID_REQUEST}.
 */
public class InvalidRequestException extends MiniAuthException {

	public InvalidRequestException(String msg) {
		super(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", msg);
	}

}
