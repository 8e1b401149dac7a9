package io.miniauth.server.admin;

import java.time.Clock;
import java.time.Instant;

import io.miniauth.server.account.AccountLifecycle;
import io.miniauth.server.account.UserNotFoundException;
import io.miniauth.server.user.AccountStatuses;
import io.miniauth.server.user.UserProfiles;
import io.miniauth.server.user.UserRepository;
import io.miniauth.server.web.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
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

	private static final String ACTOR = "operator";

	private final AccountLifecycle lifecycle;

	private final UserRepository users;

	private final UserProfiles profiles;

	private final AccountStatuses statuses;

	private final Clock clock;

	AdminUserLifecycleController(AccountLifecycle lifecycle, UserRepository users, UserProfiles profiles,
			AccountStatuses statuses, Clock clock) {
		this.lifecycle = lifecycle;
		this.users = users;
		this.profiles = profiles;
		this.statuses = statuses;
		this.clock = clock;
	}

	@PostMapping(path = "/admin/api/users/{id}/ban", consumes = MediaType.APPLICATION_JSON_VALUE)
	AdminUserView ban(@PathVariable String id, @Valid @RequestBody BanRequest request) {
		if (request.until() != null && !request.until().isAfter(this.clock.instant())) {
			throw new InvalidRequestException("until must be in the future (or null for a permanent ban)");
		}
		this.lifecycle.ban(id, request.until(), request.reason(), ACTOR);
		return view(id);
	}

	@DeleteMapping("/admin/api/users/{id}/ban")
	AdminUserView unban(@PathVariable String id) {
		this.lifecycle.unban(id, ACTOR);
		return view(id);
	}

	@DeleteMapping("/admin/api/users/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.lifecycle.delete(id, ACTOR);
		return ResponseEntity.noContent().build();
	}

	private AdminUserView view(String id) {
		return AdminUserView.of(this.profiles.of(this.users.findById(id).orElseThrow(UserNotFoundException::new)),
				this.statuses.find(id).orElseThrow(UserNotFoundException::new));
	}

	/**
	 * @param until when the ban ends by itself, or {@code null} for a permanent ban
	 * @param reason the operator's reason, kept with the user
	 */
	record BanRequest(Instant until, @Size(max = 200) String reason) {
	}

}
