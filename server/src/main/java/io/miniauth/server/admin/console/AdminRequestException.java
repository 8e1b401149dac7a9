package io.miniauth.server.admin.console;

import io.miniauth.server.problem.MiniAuthException;

import org.springframework.http.HttpStatus;

/**
 * 400 {@code INVALID_REQUEST}: an admin API request with a parameter out of range.
 */
class AdminRequestException extends MiniAuthException {

	AdminRequestException(String msg) {
		super(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", msg);
	}

}
