package io.miniauth.server.user;

import java.time.Instant;
import java.util.List;

/**
 * A person using one mini program: unique by (appid, openid).
 *
 * @param id the public, non-sequential id
 * @param appid the app
 * @param openid the person's id within the app
 * @param unionid the person's id across the open-platform account, or {@code null}
 * @param nickName the chosen nickname, or {@code null}
 * @param avatarUrl the chosen avatar, or {@code null}
 * @param signature the chosen signature line, or {@code null}
 * @param phone the bound phone number, or {@code null}
 * @param createdAt first login
 * @param lastLoginAt latest login
 * @param externalId the id the user had in the backend they were imported from, or
 * {@code null} when they were never imported
 * @param personId the person this user is: the id shared with the users of other apps
 * linked by phone number, else the user's own id
 * @param contentReview the profile fields that WeChat's content security asked to be
 * reviewed, empty when none
 */
public record User(String id, String appid, String openid, String unionid, String nickName, String avatarUrl,
		String signature, Phone phone, Instant createdAt, Instant lastLoginAt, String externalId, String personId,
		List<String> contentReview) {

	public User {
		contentReview = (contentReview != null) ? List.copyOf(contentReview) : List.of();
	}

	/**
	 * The same user with other fields under review.
	 * @param fields the fields under review now
	 * @return the user
	 */
	public User withContentReview(List<String> fields) {
		return new User(this.id, this.appid, this.openid, this.unionid, this.nickName, this.avatarUrl, this.signature,
				this.phone, this.createdAt, this.lastLoginAt, this.externalId, this.personId, fields);
	}

	/**
	 * A phone number bound through WeChat.
	 *
	 * @param phoneNumber with the country prefix for numbers outside mainland China
	 * @param purePhoneNumber without the country prefix
	 * @param countryCode the country calling code
	 */
	public record Phone(String phoneNumber, String purePhoneNumber, String countryCode) {
	}
}
