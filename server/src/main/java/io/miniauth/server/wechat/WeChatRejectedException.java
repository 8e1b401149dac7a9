package io.miniauth.server.wechat;

import io.miniauth.server.web.ErrorCode;

/**
 * WeChat answered with an errcode this service has no specific meaning for.
 */
public class WeChatRejectedException extends WeChatException {

	public WeChatRejectedException(int errcode) {
		super(ErrorCode.WECHAT_ERROR, "problem.WECHAT_ERROR.errcode", new Object[] { Integer.toString(errcode) },
				"WeChat refused the request (errcode " + errcode + ")", errcode);
	}

}
