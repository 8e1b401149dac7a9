package io.miniauth.server.user;

import java.time.Instant;

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
 */
public record User(String id, String appid, String openid, String unionid, String nickName, String avatarUrl,
		String signature, Phone phone, Instant createdAt, Instant lastLoginAt, String externalId) {

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
