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

	/**
	 * Checks a text with content security v2 ({@code msg_sec_check}, scene 1: profile).
	 * @param app the app
	 * @param openid the user who wrote it, who must have opened the app recently
	 * @param content the text
	 * @return WeChat's verdict
	 * @throws UserNotRecentlyActiveException when WeChat answers 61010
	 * @throws WeChatException when WeChat refuses or cannot be reached
	 */
	ContentVerdict checkText(MiniApp app, String openid, String content);

	/**
	 * Submits an image to content security v2 ({@code media_check_async}, scene 1); the
	 * verdict arrives later as a {@code wxa_media_check} push carrying the trace id.
	 * @param app the app
	 * @param openid the user who chose it, who must have opened the app recently
	 * @param mediaUrl where WeChat can download the image
	 * @return the check's trace id
	 * @throws UserNotRecentlyActiveException when WeChat answers 61010
	 * @throws WeChatException when WeChat refuses or cannot be reached
	 */
	String checkImageAsync(MiniApp app, String openid, String mediaUrl);

}
