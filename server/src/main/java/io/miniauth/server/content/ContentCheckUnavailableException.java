package io.miniauth.server.content;

import io.miniauth.server.web.MiniAuthException;

import org.springframework.http.HttpStatus;

/**
 * WeChat could not check a profile write, and the service is configured to refuse what it
 * cannot check ({@code miniauth.content-security.on-unavailable=refuse}).
 */
public class ContentCheckUnavailableException extends MiniAuthException {

	ContentCheckUnavailableException() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "CONTENT_CHECK_UNAVAILABLE",
				"WeChat cannot check this content right now: try again later");
	}

}
