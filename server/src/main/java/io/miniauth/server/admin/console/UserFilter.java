package io.miniauth.server.admin.console;

import java.time.Instant;
import java.util.List;

import io.miniauth.server.problem.InvalidRequestException;

/**
 * Which users an operator is looking for, from the query parameters of
 * {@code GET /admin/api/users} and {@code GET /admin/api/users/export}. Every filter is
 * optional; those given must all match.
 *
 * @param appid the app
 * @param status the account status: {@code active}, {@code banned},
 * {@code deletion_pending} or {@code deleted} (a timed ban that has run out counts as
 * active)
 * @param openid the openid, exactly
 * @param unionid the unionid, exactly
 * @param phone the bound phone number, with or without the country prefix
 * @param nickname part of the nickname, in any case
 * @param createdFrom first login at or after
 * @param createdTo first login before
 * @param lastLoginFrom latest login at or after
 * @param lastLoginTo latest login before
 */
record UserFilter(String appid, String status, String openid, String unionid, String phone, String nickname,
		Instant createdFrom, Instant createdTo, Instant lastLoginFrom, Instant lastLoginTo) {

	private static final List<String> STATUSES = List.of("active", "banned", "deletion_pending", "deleted");

	UserFilter {
		appid = blankToNull(appid);
		status = blankToNull(status);
		if (status != null && !STATUSES.contains(status)) {
			throw new InvalidRequestException("status must be one of " + STATUSES);
		}
		openid = blankToNull(openid);
		unionid = blankToNull(unionid);
		phone = blankToNull(phone);
		nickname = blankToNull(nickname);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * Whether no filter is set: the whole list.
	 * @return {@code true} for all users
	 */
	boolean isEmpty() {
		return toString().isEmpty();
	}

	/**
	 * The filters set, as {@code name=value} pairs, for the operator audit trail; empty
	 * when none is.
	 */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		append(text, "appid", this.appid);
		append(text, "status", this.status);
		append(text, "openid", this.openid);
		append(text, "unionid", this.unionid);
		append(text, "phone", this.phone);
		append(text, "nickname", this.nickname);
		append(text, "createdFrom", this.createdFrom);
		append(text, "createdTo", this.createdTo);
		append(text, "lastLoginFrom", this.lastLoginFrom);
		append(text, "lastLoginTo", this.lastLoginTo);
		return text.toString();
	}

	private static void append(StringBuilder text, String name, Object value) {
		if (value != null) {
			text.append(text.isEmpty() ? "" : "&").append(name).append('=').append(value);
		}
	}

}
