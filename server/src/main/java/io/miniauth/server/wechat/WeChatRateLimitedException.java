package io.miniauth.server.wechat;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * WeChat 45011: the user called too often. WeChat counts per minute.
 */
public class WeChatRateLimitedException extends WeChatException {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(60);

	public WeChatRateLimitedException() {
		super(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Too many logins: try again in a minute", 45011);
	}

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
		return headers;
	}

}
