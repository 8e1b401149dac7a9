package io.miniauth.emulator.token;

import io.miniauth.emulator.api.WeChatError;

/**
 * The outcome of checking the {@code access_token} of an API call.
 */
public sealed interface TokenCheck {

	/**
	 * The token is good.
	 *
	 * @param appid the app it was issued to
	 */
	record Valid(String appid) implements TokenCheck {
	}

	/**
	 * The token is missing (41001), unknown or replaced (40001), or expired (42001).
	 *
	 * @param error the error to answer
	 */
	record Rejected(WeChatError error) implements TokenCheck {
	}

}
