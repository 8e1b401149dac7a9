package io.miniauth.server.wechat;

import io.miniauth.server.web.ErrorCode;

/**
 * WeChat 40226: WeChat blocked the login of a user it rates high-risk.
 */
public class LoginBlockedException extends WeChatException {

	public LoginBlockedException() {
		super(ErrorCode.LOGIN_BLOCKED, "WeChat blocked this login (high-risk user)", 40226);
	}

}
