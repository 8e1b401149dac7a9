package io.miniauth.server.content;

import io.miniauth.server.web.ErrorCode;
import io.miniauth.server.web.MiniAuthException;

/**
 * WeChat's content security found a profile text risky: nothing was stored.
 */
public class ContentRiskyException extends MiniAuthException {

	ContentRiskyException(String field) {
		super(ErrorCode.CONTENT_RISKY,
				"The " + field + " was refused by WeChat's content security: choose another one");
	}

}
