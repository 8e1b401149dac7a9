package io.miniauth.server.wechat;

import io.miniauth.server.app.MiniApp;

/**
 * The WeChat server API, as this service uses it.
 */
public interface WeChatClient {

	/**
	 * Exchanges a {@code wx.login()} code with {@code auth.code2Session}.
	 * @param app the app the code was issued for
	 * @param code the one-time login code
	 * @return the user's openid, session_key and unionid
	 * @throws WeChatException when WeChat refuses or cannot be reached
	 */
	WeChatSession code2Session(MiniApp app, String code);

}
