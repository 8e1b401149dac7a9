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
 * @param phoneCode the code from the {@code getPhoneNumber} button, to bind the user's
 * phone number in the same call; optional
 */
record LoginRequest(@NotBlank @Size(max = 128) String code, @Size(max = 32) String appid, Boolean cancelDeletion,
		@Size(max = 128) String phoneCode) {

	/**
	 * The phone code, when one was sent.
	 * @return the code, stripped, or {@code null}
	 */
	String phoneCodeOrNull() {
		return (this.phoneCode != null && !this.phoneCode.isBlank()) ? this.phoneCode.strip() : null;
	}

	@Override
	public String toString() {
		return "LoginRequest[appid=" + this.appid + ", phoneCode=" + ((this.phoneCode != null) ? "******" : null) + "]";
	}

}
