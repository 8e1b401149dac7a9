package io.miniauth.server.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.miniauth.server.account.AccountLifecycle;
import io.miniauth.server.audit.AuthEventType;
import io.miniauth.server.audit.AuthEvents;
import io.miniauth.server.user.AvatarCheckResults;
import io.miniauth.server.user.User;
import io.miniauth.server.user.UserRepository;
import io.miniauth.server.web.ClientInfo;

import org.springframework.stereotype.Service;

/**
 * Acts on WeChat's user-data pushes: {@code user_info_modified} clears the nickname and
 * avatar; {@code user_authorization_revoke} erases what {@code RevokeInfo} names (6:
 * nickname and avatar, 19: nickname, 20: avatar, 8: phone number; MiniAuth stores nothing
 * else it could name); {@code user_authorization_cancellation} deletes the account;
 * {@code wxa_media_check} is the verdict on an avatar (see {@link AvatarCheckResults}). A
 * push for an unknown openid, or of another event, is acknowledged and ignored. WeChat
 * retries a push it thinks lost: a repeat (same event, openid, CreateTime and RevokeInfo)
 * within {@link #DUPLICATE_WINDOW} on this instance is not acted on twice, and the
 * actions themselves can be repeated without harm.
 */
@Service
class UserDataPushes {

	static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(10);

	private static final ClientInfo NO_CLIENT = new ClientInfo(null, null);

	private final UserRepository users;

	private final AccountLifecycle lifecycle;

	private final AuthEvents events;

	private final Clock clock;

	private final Map<String, Instant> seen = new ConcurrentHashMap<>();

	private final AvatarCheckResults avatarChecks;

	UserDataPushes(UserRepository users, AccountLifecycle lifecycle, AuthEvents events, Clock clock,
			AvatarCheckResults avatarChecks) {
		this.avatarChecks = avatarChecks;
		this.users = users;
		this.lifecycle = lifecycle;
		this.events = events;
		this.clock = clock;
	}

	void handle(String appid, Map<String, String> fields) {
		String event = fields.get("Event");
		if (event == null && fields.get("MsgType") == null) {
			throw new MalformedPushException("The push has neither MsgType nor Event");
		}
		if (AvatarCheckResults.EVENT.equals(event)) {
			this.avatarChecks.handle(appid, fields);
			return;
		}
		if (!Set.of("user_info_modified", "user_authorization_revoke", "user_authorization_cancellation")
			.contains(event)) {
			return;
		}
		String openid = fields.get("OpenID");
		if (openid == null || openid.isEmpty() || !firstSeen(appid, event, openid, fields)) {
			return;
		}
		User user = this.users.findByOpenid(appid, openid).orElse(null);
		if (user == null) {
			return;
		}
		switch (event) {
			case "user_info_modified" -> this.lifecycle.eraseRiskyProfile(user.id());
			case "user_authorization_revoke" -> revoke(user, fields.get("RevokeInfo"));
			default -> this.lifecycle.delete(user.id(), "wechat");
		}
		if (!"user_authorization_cancellation".equals(event)) {
			this.events.record(AuthEventType.WECHAT_PUSH, event, null, appid, user.id(), null, NO_CLIENT);
		}
	}

	private void revoke(User user, String revokeInfo) {
		Set<String> revoked = (revokeInfo != null)
				? Arrays.stream(revokeInfo.split(",")).map(String::strip).collect(Collectors.toSet()) : Set.of();
		List<String> withdrawn = new ArrayList<>();
		if (revoked.contains("6") || revoked.contains("19")) {
			withdrawn.add("nickName");
		}
		if (revoked.contains("6") || revoked.contains("20")) {
			withdrawn.add("avatarUrl");
		}
		if (revoked.contains("8")) {
			withdrawn.add("phoneNumber");
		}
		if (!withdrawn.isEmpty()) {
			this.lifecycle.withdrawConsent(user.id(), withdrawn);
		}
	}

	private boolean firstSeen(String appid, String event, String openid, Map<String, String> fields) {
		Instant now = this.clock.instant();
		this.seen.values().removeIf((at) -> at.isBefore(now.minus(DUPLICATE_WINDOW)));
		String key = String.join("\n", appid, event, openid, String.valueOf(fields.get("CreateTime")),
				String.valueOf(fields.get("RevokeInfo")));
		return this.seen.putIfAbsent(key, now) == null;
	}

}
