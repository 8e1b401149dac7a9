package io.miniauth.server.wechat;

import java.time.Duration;

import io.miniauth.server.web.ErrorCode;

/**
 * WeChat 45011: the user called too often. WeChat counts per minute.
 */
public class WeChatRateLimitedException extends WeChatException {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(60);

	public WeChatRateLimitedException() {
		super(ErrorCode.RATE_LIMITED, "problem.RATE_LIMITED.seconds",
				new Object[] { Long.toString(RETRY_AFTER.toSeconds()) }, "Too many logins: try again in a minute",
				45011);
	}

	@Override
	public Duration retryAfter() {
		return RETRY_AFTER;
	}

}
