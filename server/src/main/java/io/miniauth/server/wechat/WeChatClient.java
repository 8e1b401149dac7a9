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

	/**
	 * Exchanges a code from the getPhoneNumber button for the user's phone number.
	 * @param app the app
	 * @param openid the user the code must belong to
	 * @param code the phone code
	 * @return the phone number
	 * @throws WeChatException when WeChat refuses or cannot be reached
	 */
	PhoneNumber phoneNumber(MiniApp app, String openid, String code);

	/**
	 * Asks WeChat whether a session_key is still the user's current one.
	 * @param app the app
	 * @param openid the user
	 * @param sessionKey the key to check
	 * @return whether it is valid
	 * @throws WeChatException when WeChat cannot answer
	 */
	boolean checkSessionKey(MiniApp app, String openid, String sessionKey);

}
