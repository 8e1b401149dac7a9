package io.miniauth.server.wechat;

import java.time.Instant;

/**
 * An app's WeChat access token (the one the server APIs take as {@code access_token}).
 *
 * @param value the token; a secret
 * @param expiresAt when WeChat stops accepting it
 */
public record WeChatAccessToken(String value, Instant expiresAt) {

	@Override
	public String toString() {
		return "WeChatAccessToken[value=******, expiresAt=" + this.expiresAt + "]";
	}

}
