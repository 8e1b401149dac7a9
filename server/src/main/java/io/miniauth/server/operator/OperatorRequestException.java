package io.miniauth.server.operator;

import io.miniauth.server.problem.MiniAuthException;

import org.springframework.http.HttpStatus;

/**
 * A request to the operator realm that cannot be carried out as asked: 400
 * {@code INVALID_REQUEST}.
 */
class OperatorRequestException extends MiniAuthException {

	OperatorRequestException(String msg) {
		super(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", msg);
	}

}
