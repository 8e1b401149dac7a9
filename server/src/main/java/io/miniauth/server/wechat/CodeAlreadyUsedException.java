package io.miniauth.server.wechat;

import io.miniauth.server.web.ErrorCode;

/**
 * WeChat 40163: the login code was exchanged before; a code works once.
 */
public class CodeAlreadyUsedException extends WeChatException {

	public CodeAlreadyUsedException() {
		super(ErrorCode.CODE_ALREADY_USED, "The login code was already used: call wx.login() again for a new one",
				40163);
	}

}
