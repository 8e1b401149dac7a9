package io.miniauth.server.importing;

import java.time.Instant;
import java.util.Set;

import io.miniauth.server.user.User;

/**
 * A row that passed every check: what it says about one user of one app.
 *
 * @param appid the app
 * @param openid the user's openid in it
 * @param fields the fields the source has: a field it does not have is left as it is on a
 * user who exists already
 * @param unionid the unionid, or {@code null}
 * @param nickName the nickname, or {@code null}
 * @param avatarUrl the avatar URL, or {@code null}
 * @param signature the signature line, or {@code null}
 * @param phone the phone number, or {@code null}
 * @param createdAt when the user joined, or {@code null} for unknown
 * @param externalId the user's id in the source, or {@code null}
 * @param sessionKey the WeChat session_key in plain text, or {@code null}
 */
record ImportedUser(String appid, String openid, Set<ImportField> fields, String unionid, String nickName,
		String avatarUrl, String signature, User.Phone phone, Instant createdAt, String externalId, String sessionKey) {

	boolean has(ImportField field) {
		return this.fields.contains(field);
	}

	@Override
	public String toString() {
		return "ImportedUser[appid=" + this.appid + ", openid=" + this.openid + ", externalId=" + this.externalId
				+ ", sessionKey=******]";
	}

}
