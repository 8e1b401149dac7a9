package io.miniauth.server.web;

import java.io.IOException;

/**
 * A request body grew past the configured limit while it was being read.
 */
class RequestBodyTooLargeException extends IOException {

	static final String MSG = "The request body is too large";

	RequestBodyTooLargeException() {
		super(MSG);
	}

}
