package io.miniauth.server.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.miniauth.server.account.AccountLifecycle;
import io.miniauth.server.account.UserNotFoundException;
import io.miniauth.server.operator.OperatorAction;
import io.miniauth.server.operator.OperatorAudit;
import io.miniauth.server.operator.OperatorPrincipal;
import io.miniauth.server.problem.InvalidRequestException;
import io.miniauth.server.user.AccountStatuses;
import io.miniauth.server.user.User;
import io.miniauth.server.user.UserProfiles;
import io.miniauth.server.user.UserRepository;
import io.miniauth.server.problem.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's lifecycle routes: ban, unban and delete a user by their public id.
 */
@RestController
class AdminUserLifecycleController {

	/**
	 * How the account's own trail names who acted; the operator audit names which
	 * operator.
	 */
	private static final String ACTOR = "operator";

	private final AccountLifecycle lifecycle;

	private final UserRepository users;

	private final UserProfiles profiles;

	private final AccountStatuses statuses;

	private final OperatorAudit audit;

	private final Clock clock;

	private final JsonMapper json;

	AdminUserLifecycleController(AccountLifecycle lifecycle, UserRepository users, UserProfiles profiles,
			AccountStatuses statuses, OperatorAudit audit, Clock clock, JsonMapper json) {
		this.json = json;
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.users = users;
		this.profiles = profiles;
		this.statuses = statuses;
		this.clock = clock;
	}

	@PostMapping(path = "/admin/api/users/{id}/ban", consumes = MediaType.APPLICATION_JSON_VALUE)
	AdminUserView ban(@PathVariable String id, @Valid @RequestBody BanRequest request,
			@AuthenticationPrincipal OperatorPrincipal operator, HttpServletRequest http) {
		if (request.until() != null && !request.until().isAfter(this.clock.instant())) {
			throw new InvalidRequestException("until must be in the future (or null for a permanent ban)");
		}
		this.lifecycle.ban(id, request.until(), request.reason(), ACTOR);
		this.audit.record(operator, OperatorAction.USER_BANNED, id, banDetail(request), http);
		return view(id);
	}

	@DeleteMapping("/admin/api/users/{id}/ban")
	AdminUserView unban(@PathVariable String id, @AuthenticationPrincipal OperatorPrincipal operator,
			HttpServletRequest http) {
		this.lifecycle.unban(id, ACTOR);
		this.audit.record(operator, OperatorAction.USER_UNBANNED, id, null, http);
		return view(id);
	}

	@DeleteMapping("/admin/api/users/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, @AuthenticationPrincipal OperatorPrincipal operator,
			HttpServletRequest http) {
		this.lifecycle.delete(id, ACTOR);
		this.audit.record(operator, OperatorAction.USER_DELETED, id, null, http);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The ban as data, which the console words in the operator's language:
	 * {@code {"until":"2026-12-08T09:30:00Z","durationSeconds":604800,"reason":"spam"}},
	 * {@code until} and {@code durationSeconds} {@code null} for a permanent ban.
	 */
	private String banDetail(BanRequest request) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("until", (request.until() != null) ? request.until().toString() : null);
		detail.put("durationSeconds",
				(request.until() != null) ? Duration.between(this.clock.instant(), request.until()).toSeconds() : null);
		detail.put("reason", (request.reason() != null && !request.reason().isBlank()) ? request.reason() : null);
		return this.json.writeValueAsString(detail);
	}

	private AdminUserView view(String id) {
		User user = this.users.findById(id).orElseThrow(UserNotFoundException::new);
		return AdminUserView.of(this.profiles.of(user), this.statuses.find(id).orElseThrow(UserNotFoundException::new),
				user.contentReview());
	}

	/**
	 * @param until when the ban ends by itself, or {@code null} for a permanent ban
	 * @param reason the operator's reason, kept with the user
	 */
	record BanRequest(Instant until, @Size(max = 200) String reason) {
	}

}
