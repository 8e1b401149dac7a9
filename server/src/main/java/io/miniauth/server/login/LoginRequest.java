package io.miniauth.server.login;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /user/login}'s body.
 *
 * @param code the one-time code from {@code wx.login()}
 * @param appid which app, when several are configured
 * @param cancelDeletion {@code true} to keep an account whose deletion is pending (the
 * user's consent); otherwise such an account is refused like a banned one
 */
record LoginRequest(@NotBlank @Size(max = 128) String code, @Size(max = 32) String appid, Boolean cancelDeletion) {

	@Override
	public String toString() {
		return "LoginRequest[appid=" + this.appid + "]";
	}

}
