package io.miniauth.server.app;

import io.miniauth.server.web.ErrorCode;
import io.miniauth.server.web.MiniAuthException;

/**
 * Several apps are configured and the request does not say which one it is for.
 */
public class AppidRequiredException extends MiniAuthException {

	public AppidRequiredException() {
		super(ErrorCode.APPID_REQUIRED, "Several apps are configured: name one with appid");
	}

}
