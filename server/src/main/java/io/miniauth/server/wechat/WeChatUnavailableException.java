package io.miniauth.server.wechat;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * WeChat is busy ({@code -1}), timed out or could not be reached; trying again later may
 * work.
 */
public class WeChatUnavailableException extends WeChatException {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private final String reason;

	public WeChatUnavailableException(String reason, int errcode) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "WECHAT_UNAVAILABLE",
				"WeChat is not answering right now: try again in a few seconds", errcode);
		this.reason = reason;
	}

	/**
	 * What went wrong, for the operator's log; free of secrets.
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
		return headers;
	}

}
