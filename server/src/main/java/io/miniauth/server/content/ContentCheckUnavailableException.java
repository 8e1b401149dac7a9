package io.miniauth.server.content;

import io.miniauth.server.problem.ErrorCode;
import io.miniauth.server.problem.MiniAuthException;

/**
 * WeChat could not check a profile write, and the service is configured to refuse what it
 * cannot check ({@code miniauth.content-security.on-unavailable=refuse}).
 */
public class ContentCheckUnavailableException extends MiniAuthException {

	ContentCheckUnavailableException() {
		super(ErrorCode.CONTENT_CHECK_UNAVAILABLE, "WeChat cannot check this content right now: try again later");
	}

}
