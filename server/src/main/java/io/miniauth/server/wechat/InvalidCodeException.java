package io.miniauth.server.wechat;

import io.miniauth.server.web.ErrorCode;

/**
 * WeChat 40029: the login code is unknown, expired or for another app.
 */
public class InvalidCodeException extends WeChatException {

	public InvalidCodeException() {
		super(ErrorCode.INVALID_CODE, "The login code is invalid or expired: call wx.login() again for a new one",
				40029);
	}

}
