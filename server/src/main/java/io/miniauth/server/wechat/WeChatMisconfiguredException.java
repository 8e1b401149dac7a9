package io.miniauth.server.wechat;

import io.miniauth.server.web.ErrorCode;

/**
 * WeChat rejected the app's own credentials (40013 invalid appid, 40125 invalid secret,
 * and the like): the operator must fix the configuration; the user can do nothing.
 */
public class WeChatMisconfiguredException extends WeChatException {

	public WeChatMisconfiguredException(int errcode) {
		super(ErrorCode.WECHAT_MISCONFIGURED,
				"The service is not set up correctly for WeChat login; please try again later", errcode);
	}

}
