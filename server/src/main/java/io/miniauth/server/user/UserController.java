package io.miniauth.server.user;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.miniauth.server.auth.Caller;
import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.ratelimit.Budget;
import io.miniauth.server.ratelimit.RateLimiter;
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
 * {@code PATCH} and mini program HTTP libraries refuse or rewrite it.
 */
@RestController
class UserController {

	private final UserRepository users;

	private final CurrentUser currentUser;

	private final UserProfiles profiles;

	private final Clock clock;

	private final RateLimiter rateLimiter;

	private final Budget budget;

	private final WebhookEvents webhooks;

	UserController(UserRepository users, CurrentUser currentUser, UserProfiles profiles, RateLimiter rateLimiter,
			MiniAuthProperties properties, WebhookEvents webhooks, Clock clock) {
		this.webhooks = webhooks;
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
	UserProfile updateProfile(Caller caller, @RequestBody JsonNode body) {
		this.rateLimiter.consume("profile-user", caller.userId(), this.budget);
		ProfilePatch patch = ProfilePatch.read(body);
		User current = this.currentUser.of(caller);
		User updated = this.users.updateProfile(current.id(), patch::applyTo, this.clock.instant(), (before, after) -> {
			List<String> fields = ProfileFields.changed(before, after);
			if (!fields.isEmpty()) {
				this.webhooks.publish(WebhookEventType.USER_UPDATED, after.appid(), after.id(),
						Map.of("fields", fields));
			}
		});
		return this.profiles.of(updated);
	}

	@PutMapping(path = "/user/me", consumes = MediaType.APPLICATION_JSON_VALUE)
	UserProfile updateProfileFromMiniProgram(Caller caller, @RequestBody JsonNode body) {
		return updateProfile(caller, body);
	}

}
