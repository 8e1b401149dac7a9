package io.miniauth.server.user;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.miniauth.server.app.MiniApp;
import io.miniauth.server.app.MiniApps;
import io.miniauth.server.token.Caller;
import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.content.ProfileContentChecks;
import io.miniauth.server.content.ProfileContentChecks.Writer;
import io.miniauth.server.config.Budget;
import io.miniauth.server.ratelimit.RateLimiter;
import io.miniauth.server.web.ClientAddress;
import io.miniauth.server.web.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import io.miniauth.server.config.Budget;
import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.ratelimit.RateLimiter;
import io.miniauth.server.token.Caller;
import io.miniauth.server.webhook.WebhookEventType;
import io.miniauth.server.webhook.WebhookEvents;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own profile: {@code GET} and {@code PATCH /user/me}. {@code PUT /user/me}
 * takes the same partial body as {@code PATCH}, because {@code wx.request} offers no
 * {@code PATCH} and mini program HTTP libraries refuse or rewrite it. A new nickname or
 * signature is checked with WeChat's content security before it is stored; a new avatar
 * is submitted for checking, and removed later if the verdict is risky.
 */
@RestController
class UserController {

	private static final String NICK_NAME = "nickName";

	private static final String SIGNATURE = "signature";

	static final String AVATAR_URL = "avatarUrl";

	private final UserRepository users;

	private final CurrentUser currentUser;

	private final UserProfiles profiles;

	private final Clock clock;

	private final RateLimiter rateLimiter;

	private final Budget budget;

	private final MiniApps apps;

	private final ProfileContentChecks contentChecks;

	private final ClientAddress clientAddress;

	private final WebhookEvents webhooks;

	UserController(UserRepository users, CurrentUser currentUser, UserProfiles profiles, RateLimiter rateLimiter,
			MiniAuthProperties properties, MiniApps apps, ProfileContentChecks contentChecks,
			ClientAddress clientAddress, WebhookEvents webhooks, Clock clock) {
		this.webhooks = webhooks;
		this.apps = apps;
		this.contentChecks = contentChecks;
		this.clientAddress = clientAddress;
		this.rateLimiter = rateLimiter;
		this.budget = properties.rateLimit().profilePerUser();
		this.users = users;
		this.currentUser = currentUser;
		this.profiles = profiles;
		this.clock = clock;
	}

	@GetMapping("/user/me")
	UserProfile showProfile(Caller caller) {
		return this.profiles.of(this.currentUser.of(caller));
	}

	@PatchMapping(path = "/user/me", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	UserProfile updateProfile(Caller caller, @RequestBody JsonNode body, HttpServletRequest http) {
		this.rateLimiter.consume("profile-user", caller.userId(), this.budget);
		ProfilePatch patch = ProfilePatch.read(body);
		User current = this.currentUser.of(caller);
		MiniApp app = this.apps.resolve(current.appid());
		Writer writer = new Writer(app, current.id(), current.openid(), caller.sessionId(),
				ClientInfo.of(http, this.clientAddress));
		List<String> review = this.contentChecks.checkTexts(writer, changedTexts(patch, current));
		String avatarUrl = patch.newText(AVATAR_URL).filter((url) -> !url.equals(current.avatarUrl())).orElse(null);
		String avatarCheck = (avatarUrl != null) ? this.contentChecks.submitAvatar(writer, avatarUrl) : null;
		User updated = this.users.updateProfile(current.id(),
				(user) -> patch.applyTo(user).withContentReview(underReview(patch, user, review)), this.clock.instant(),
				(before, after) -> {
					List<String> fields = ProfileFields.changed(before, after);
					if (!fields.isEmpty()) {
						this.webhooks.publish(WebhookEventType.USER_UPDATED, after.appid(), after.id(),
								Map.of("fields", fields));
					}
				});
		if (avatarCheck != null) {
			this.users.updateAvatarCheck(updated.id(), avatarUrl, avatarCheck, this.clock.instant());
		}
		return this.profiles.of(updated);
	}

	/**
	 * The checked texts the patch sets to something new.
	 */
	private static Map<String, String> changedTexts(ProfilePatch patch, User current) {
		Map<String, String> texts = new LinkedHashMap<>();
		patch.newText(NICK_NAME)
			.filter((text) -> !text.equals(current.nickName()))
			.ifPresent((text) -> texts.put(NICK_NAME, text));
		patch.newText(SIGNATURE)
			.filter((text) -> !text.equals(current.signature()))
			.ifPresent((text) -> texts.put(SIGNATURE, text));
		return texts;
	}

	/**
	 * The fields under review after the write: those WeChat flagged now, and those
	 * flagged before that the write leaves as they were (a new avatar is checked anew).
	 */
	private static List<String> underReview(ProfilePatch patch, User user, List<String> flaggedNow) {
		List<String> fields = new ArrayList<>();
		for (String field : user.contentReview()) {
			String before = switch (field) {
				case NICK_NAME -> user.nickName();
				case AVATAR_URL -> user.avatarUrl();
				default -> user.signature();
			};
			if (!patch.touches(field) || Objects.equals(patch.newText(field).orElse(null), before)) {
				fields.add(field);
			}
		}
		flaggedNow.stream().filter((field) -> !fields.contains(field)).forEach(fields::add);
		return fields;
	}

	@PutMapping(path = "/user/me", consumes = MediaType.APPLICATION_JSON_VALUE)
	UserProfile updateProfileFromMiniProgram(Caller caller, @RequestBody JsonNode body, HttpServletRequest http) {
		return updateProfile(caller, body, http);
	}

}
