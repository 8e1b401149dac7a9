package io.miniauth.server.admin.console;

import java.time.Instant;

/**
 * Which users an operator is looking for, from the query parameters of
 * {@code GET /admin/api/users} and {@code GET /admin/api/users/export}. Every filter is
 * optional; those given must all match.
 *
 * @param appid the app
 * @param openid the openid, exactly
 * @param unionid the unionid, exactly
 * @param phone the bound phone number, with or without the country prefix
 * @param nickname part of the nickname, in any case
 * @param createdFrom first login at or after
 * @param createdTo first login before
 * @param lastLoginFrom latest login at or after
 * @param lastLoginTo latest login before
 */
record UserFilter(String appid, String openid, String unionid, String phone, String nickname, Instant createdFrom,
		Instant createdTo, Instant lastLoginFrom, Instant lastLoginTo) {

	UserFilter {
		appid = blankToNull(appid);
		openid = blankToNull(openid);
		unionid = blankToNull(unionid);
		phone = blankToNull(phone);
		nickname = blankToNull(nickname);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		append(text, "appid", this.appid);
		append(text, "openid", this.openid);
		append(text, "unionid", this.unionid);
		append(text, "phone", this.phone);
		append(text, "nickname", this.nickname);
		append(text, "createdFrom", this.createdFrom);
		append(text, "createdTo", this.createdTo);
		append(text, "lastLoginFrom", this.lastLoginFrom);
		append(text, "lastLoginTo", this.lastLoginTo);
		return text.isEmpty() ? "all users" : text.toString();
	}

	private static void append(StringBuilder text, String name, Object value) {
		if (value != null) {
			text.append(text.isEmpty() ? "" : "&").append(name).append('=').append(value);
		}
	}

}
