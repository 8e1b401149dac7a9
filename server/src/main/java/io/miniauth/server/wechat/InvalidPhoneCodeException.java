package io.miniauth.server.wechat;

import io.miniauth.server.web.ErrorCode;

/**
 * WeChat 40029 on the phone number API: the code from the getPhoneNumber button is
 * unknown, used, expired, or not this user's.
 */
public class InvalidPhoneCodeException extends WeChatException {

	public InvalidPhoneCodeException() {
		super(ErrorCode.INVALID_PHONE_CODE,
				"The phone code is invalid, used or expired: ask the user to tap the phone button again", 40029);
	}

}
