package io.miniauth.server.account;

import io.miniauth.server.web.ErrorCode;
import io.miniauth.server.web.MiniAuthException;

/**
 * 403 {@code STEP_UP_MISMATCH}: the confirming {@code wx.login()} code belongs to another
 * WeChat user than the access token's.
 */
class StepUpMismatchException extends MiniAuthException {

	StepUpMismatchException() {
		super(ErrorCode.STEP_UP_MISMATCH,
				"The confirmation code belongs to another WeChat user: call wx.login() on this phone and try again");
	}

}
