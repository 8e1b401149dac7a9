package io.miniauth.server.app;

import io.miniauth.server.web.ErrorCode;
import io.miniauth.server.web.MiniAuthException;

/**
 * A request names an appid this service does not serve.
 */
public class UnknownAppException extends MiniAuthException {

	public UnknownAppException(String appid) {
		super(ErrorCode.UNKNOWN_APP, "problem.UNKNOWN_APP.appid", new Object[] { appid },
				"No app with appid " + appid + " is configured");
	}

}
