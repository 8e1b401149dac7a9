package io.miniauth.server.admin;

import java.time.Instant;
import java.util.List;

import io.miniauth.server.user.AccountStatus;
import io.miniauth.server.user.UserProfile;

/**
 * A user as the operator API shows it: the profile of {@code GET /user/me} plus where the
 * account stands.
 *
 * @param id the public id
 * @param appid the app
 * @param openid the openid (a tombstone once deleted)
 * @param unionid the unionid, or {@code null}
 * @param nickName the nickname
 * @param avatarUrl the avatar URL
 * @param signature the signature line
 * @param phoneNumber the bound phone number, or {@code null}
 * @param linkedApps the other apps in which the same person has a user
 * @param createdAt first login
 * @param lastLoginAt latest login
 * @param status {@code active}, {@code banned}, {@code deletion_pending} or
 * {@code deleted}
 * @param statusUntil the end of a timed ban or when a pending deletion runs, or
 * {@code null}
 * @param statusReason the operator's reason for a ban, or {@code null}
 */
public record AdminUserView(String id, String appid, String openid, String unionid, String nickName, String avatarUrl,
		String signature, String phoneNumber, List<String> linkedApps, Instant createdAt, Instant lastLoginAt,
		String status, Instant statusUntil, String statusReason) {

	public static AdminUserView of(UserProfile profile, AccountStatus status) {
		return new AdminUserView(profile.id(), profile.appid(), profile.openid(), profile.unionid(), profile.nickName(),
				profile.avatarUrl(), profile.signature(), profile.phoneNumber(), profile.linkedApps(),
				profile.createdAt(), profile.lastLoginAt(), status.value(), status.until(), status.reason());
	}

}
