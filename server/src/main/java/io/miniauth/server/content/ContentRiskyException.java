package io.miniauth.server.content;

import io.miniauth.server.problem.ErrorCode;
import io.miniauth.server.problem.MiniAuthException;

/**
 * WeChat's content security found a profile text risky: nothing was stored.
 */
public class ContentRiskyException extends MiniAuthException {

	ContentRiskyException(String field) {
		super(ErrorCode.CONTENT_RISKY,
				"The " + field + " was refused by WeChat's content security: choose another one");
	}

}
