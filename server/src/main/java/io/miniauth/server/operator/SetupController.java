package io.miniauth.server.operator;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one-time setup link's API: {@code GET /admin/api/setup} says whether the first
 * admin is still to be created, {@code POST /admin/api/setup} creates it with the link's
 * token.
 */
@RestController
@Tag(name = "admin")
class SetupController {

	private final FirstAdmin firstAdmin;

	private final OperatorAudit audit;

	SetupController(FirstAdmin firstAdmin, OperatorAudit audit) {
		this.firstAdmin = firstAdmin;
		this.audit = audit;
	}

	@GetMapping("/admin/api/setup")
	SetupState state() {
		return new SetupState(this.firstAdmin.open());
	}

	@PostMapping("/admin/api/setup")
	@ResponseStatus(HttpStatus.CREATED)
	OperatorView setUp(@RequestBody Setup body, HttpServletRequest request) {
		Operator admin = this.firstAdmin.complete(body.token(), body.username(), body.password());
		this.audit.record(admin.username(), OperatorAction.SETUP, "ok", null, null, request);
		return OperatorView.of(admin);
	}

	/**
	 * @param needed whether no operator exists and the setup link can be used
	 */
	record SetupState(boolean needed) {
	}

	/**
	 * @param token the setup link's token
	 * @param username the first admin's name
	 * @param password the first admin's password
	 */
	record Setup(String token, String username, String password) {

		@Override
		public String toString() {
			return "Setup[token=******, username=" + this.username + ", password=******]";
		}

	}

}
