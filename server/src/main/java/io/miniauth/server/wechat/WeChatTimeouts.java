package io.miniauth.server.wechat;

import java.time.Duration;

import io.miniauth.server.config.MiniAuthProperties;

/**
 * How long calls to WeChat may take: the configured connect and read timeouts, and the
 * longest pause before code2Session's one retry.
 *
 * @param connect the connect timeout of one call
 * @param read the read timeout of one call
 * @param retryPause the longest pause before the retry (the pause is random up to this,
 * so that retries do not arrive together)
 */
public record WeChatTimeouts(Duration connect, Duration read, Duration retryPause) {

	private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

	public static WeChatTimeouts of(MiniAuthProperties.WeChat wechat) {
		return new WeChatTimeouts(wechat.connectTimeout(), wechat.readTimeout(), RETRY_PAUSE);
	}

	/**
	 * The longest a login's exchange with WeChat can take: code2Session is tried at most
	 * twice, each try bounded by the connect and read timeouts, with the retry pause
	 * between them. A login never needs the access token.
	 * @return the longest duration
	 */
	public Duration longestLogin() {
		return this.connect.plus(this.read).multipliedBy(2).plus(this.retryPause);
	}

}
