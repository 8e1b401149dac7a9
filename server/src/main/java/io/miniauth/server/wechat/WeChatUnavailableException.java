package io.miniauth.server.wechat;

import io.miniauth.server.web.ErrorCode;

/**
 * WeChat is busy ({@code -1}), timed out or could not be reached; trying again later may
 * work (the answer carries {@code Retry-After}).
 */
public class WeChatUnavailableException extends WeChatException {

	private final String reason;

	public WeChatUnavailableException(String reason, int errcode) {
		super(ErrorCode.WECHAT_UNAVAILABLE, "WeChat is not answering right now: try again in a few seconds", errcode);
		this.reason = reason;
	}

	/**
	 * What went wrong, for the operator's log; free of secrets.
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

}
