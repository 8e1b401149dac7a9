package io.miniauth.server.user;

import io.miniauth.server.problem.ErrorCode;
import io.miniauth.server.problem.MiniAuthException;

/**
 * The phone number is bound to another user of the same app, and the app does not let it
 * move ({@code miniauth.apps[N].phone-rebind=false}).
 */
public class PhoneInUseException extends MiniAuthException {

	PhoneInUseException() {
		super(ErrorCode.PHONE_IN_USE, "This phone number is already bound to another account of this app");
	}

}
