package io.miniauth.server.wechat;

import org.springframework.http.HttpStatus;

/**
 * WeChat answered with an errcode this service has no specific meaning for.
 */
public class WeChatRejectedException extends WeChatException {

	public WeChatRejectedException(int errcode) {
		super(HttpStatus.BAD_GATEWAY, "WECHAT_ERROR", "WeChat refused the request (errcode " + errcode + ")", errcode);
	}

}
