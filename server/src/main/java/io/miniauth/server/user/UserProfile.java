package io.miniauth.server.user;

import java.time.Instant;
import java.util.List;

/**
 * A user's profile as the API shows it. The session_key is not part of it, ever.
 *
 * @param id the public id
 * @param appid the app
 * @param openid the openid within the app
 * @param unionid the unionid, {@code null} when WeChat sent none
 * @param nickName the nickname
 * @param avatarUrl the avatar URL
 * @param signature the signature line
 * @param phoneNumber the bound phone number, or {@code null}
 * @param linkedApps the other apps in which the same person (same unionid, or linked by
 * phone number) has a user
 * @param createdAt first login
 * @param lastLoginAt latest login
 * @param externalId the id the user had in the backend they were imported from, or
 * {@code null} when they were never imported
 * @param personId the person: shared by the users of other apps linked by phone number,
 * else the user's own id
 */
public record UserProfile(String id, String appid, String openid, String unionid, String nickName, String avatarUrl,
		String signature, String phoneNumber, List<String> linkedApps, Instant createdAt, Instant lastLoginAt,
		String externalId, String personId) {

	static UserProfile of(User user, List<String> linkedApps) {
		return new UserProfile(user.id(), user.appid(), user.openid(), user.unionid(), user.nickName(),
				user.avatarUrl(), user.signature(), (user.phone() != null) ? user.phone().phoneNumber() : null,
				linkedApps, user.createdAt(), user.lastLoginAt(), user.externalId(), user.personId());
	}

}
