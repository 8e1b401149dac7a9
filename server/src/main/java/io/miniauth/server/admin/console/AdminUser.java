package io.miniauth.server.admin.console;

import java.time.Instant;
import java.util.List;

/**
 * A user as the admin API shows it: the profile of {@code GET /user/me} plus the account
 * status. Never the session_key.
 *
 * @param id the public id
 * @param appid the app
 * @param openid the openid within the app
 * @param unionid the unionid, or {@code null}
 * @param nickName the nickname, or {@code null}
 * @param avatarUrl the avatar URL, or {@code null}
 * @param signature the signature line, or {@code null}
 * @param phoneNumber the bound phone number, or {@code null}
 * @param linkedApps the other configured apps in which the same person has a user
 * @param createdAt first login
 * @param lastLoginAt latest login
 * @param status {@code active}, {@code banned}, {@code deletion_pending} or
 * {@code deleted}
 * @param statusUntil when a timed ban ends or a pending deletion runs, or {@code null}
 * @param statusReason the operator's reason, or {@code null}
 * @param contentReview the profile fields ({@code nickName}, {@code signature},
 * {@code avatarUrl}) that WeChat's content security asked an operator to review, empty
 * when none
 */
record AdminUser(String id, String appid, String openid, String unionid, String nickName, String avatarUrl,
		String signature, String phoneNumber, List<String> linkedApps, Instant createdAt, Instant lastLoginAt,
		String status, Instant statusUntil, String statusReason, List<String> contentReview) {

	AdminUser withLinkedApps(List<String> apps) {
		return new AdminUser(this.id, this.appid, this.openid, this.unionid, this.nickName, this.avatarUrl,
				this.signature, this.phoneNumber, List.copyOf(apps), this.createdAt, this.lastLoginAt, this.status,
				this.statusUntil, this.statusReason, this.contentReview);
	}

}
