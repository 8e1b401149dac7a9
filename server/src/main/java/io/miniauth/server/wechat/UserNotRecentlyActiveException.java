package io.miniauth.server.wechat;

import io.miniauth.server.problem.ErrorCode;

/**
 * WeChat 61010 on content security: the user has not opened the mini program recently
 * (within about two hours), so WeChat does not check their content.
 */
public class UserNotRecentlyActiveException extends WeChatException {

	public UserNotRecentlyActiveException() {
		super(ErrorCode.WECHAT_UNAVAILABLE,
				"WeChat cannot check this content now: the user has not opened the mini program recently", 61010);
	}

}
