package io.miniauth.server.app;

import io.miniauth.server.web.MiniAuthException;

import org.springframework.http.HttpStatus;

/**
 * A request names an appid this service does not serve.
 */
public class UnknownAppException extends MiniAuthException {

	public UnknownAppException(String appid) {
		super(HttpStatus.BAD_REQUEST, "UNKNOWN_APP", "No app with appid " + appid + " is configured");
	}

}
