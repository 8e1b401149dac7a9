package io.miniauth.server.login;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /user/login}'s body.
 *
 * @param code the one-time code from {@code wx.login()}
 * @param appid which app, when several are configured
 */
record LoginRequest(@NotBlank @Size(max = 128) String code, @Size(max = 32) String appid) {

	@Override
	public String toString() {
		return "LoginRequest[appid=" + this.appid + "]";
	}

}
