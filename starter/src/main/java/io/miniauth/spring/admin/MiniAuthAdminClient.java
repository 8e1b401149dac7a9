package io.miniauth.spring.admin;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * MiniAuth's admin API, for a business backend: look a user up, ban or unban them, end
 * their sessions, delete them. Authenticated with {@code miniauth.client.api-key}; a
 * refusal is a {@code RestClientResponseException} carrying MiniAuth's problem answer.
 */
@HttpExchange("/admin/api/users")
public interface MiniAuthAdminClient {

	@GetExchange("/{id}")
	User user(@PathVariable String id);

	@PostExchange("/{id}/ban")
	User ban(@PathVariable String id, @RequestBody Ban ban);

	@DeleteExchange("/{id}/ban")
	User unban(@PathVariable String id);

	@DeleteExchange("/{id}/sessions")
	void endSessions(@PathVariable String id);

	@DeleteExchange("/{id}")
	void delete(@PathVariable String id);

	/**
	 * A ban.
	 *
	 * @param until when it lapses, or {@code null} for ever
	 * @param reason why, in the operator's words
	 */
	record Ban(Instant until, String reason) {

	}

	/**
	 * A user as the admin API shows them.
	 *
	 * @param id the public user id
	 * @param appid the mini program
	 * @param openid the WeChat openid
	 * @param unionid the unionid, if any
	 * @param nickName the nickname
	 * @param avatarUrl the avatar
	 * @param signature the signature
	 * @param phoneNumber the bound phone number
	 * @param linkedApps the user's accounts in the other apps of the open platform
	 * @param status {@code active}, {@code banned}, {@code deletion_pending} or
	 * {@code deleted}
	 * @param statusUntil when a ban lapses or a pending deletion runs
	 * @param statusReason the operator's reason
	 * @param createdAt when the user first logged in
	 * @param lastLoginAt the latest login
	 */
	record User(String id, String appid, String openid, String unionid, String nickName, String avatarUrl,
			String signature, String phoneNumber, List<Object> linkedApps, String status, Instant statusUntil,
			String statusReason, Instant createdAt, Instant lastLoginAt) {

	}

}
