package io.miniauth.server.wechat;

/**
 * What {@code auth.code2Session} gives for a login code.
 *
 * @param openid the user's id within the app
 * @param sessionKey the user's current session_key; a secret that never leaves this
 * service
 * @param unionid the user's id across the open-platform account, or {@code null}
 */
public record WeChatSession(String openid, String sessionKey, String unionid) {

	@Override
	public String toString() {
		return "WeChatSession[openid=" + this.openid + ", sessionKey=******, unionid=" + this.unionid + "]";
	}

}
