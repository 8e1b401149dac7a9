package io.miniauth.server.operator;

import java.time.Clock;
import java.util.Locale;

import io.miniauth.server.ratelimit.LocalRateLimiter;
import io.miniauth.server.ratelimit.RateLimitedException;
import io.miniauth.server.web.ClientAddress;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's sign-in: {@code POST /admin/api/session} with a username and password
 * starts a session (a new session id, so that a planted one is of no use),
 * {@code DELETE /admin/api/session} ends it at once, {@code GET /admin/api/session} says
 * who is signed in. Attempts are throttled per username and per client address.
 */
@RestController
@Tag(name = "admin", description = "Operator console and admin API")
class SignInController {

	private final AuthenticationManager authentication;

	private final Operators operators;

	private final SecurityContextRepository contexts;

	private final OperatorAudit audit;

	private final ClientAddress clientAddress;

	private final OperatorProperties properties;

	private final LocalRateLimiter attempts;

	SignInController(AuthenticationManager authentication, Operators operators, SecurityContextRepository contexts,
			OperatorAudit audit, ClientAddress clientAddress, OperatorProperties properties, Clock clock) {
		this.authentication = authentication;
		this.operators = operators;
		this.contexts = contexts;
		this.audit = audit;
		this.clientAddress = clientAddress;
		this.properties = properties;
		this.attempts = new LocalRateLimiter(clock);
	}

	@PostMapping("/admin/api/session")
	Me signIn(@RequestBody SignIn body, HttpServletRequest request, HttpServletResponse response) {
		String username = (body.username() != null) ? body.username().strip() : "";
		try {
			this.attempts.consume("operator-sign-in-account", username.toLowerCase(Locale.ROOT),
					this.properties.signInPerAccount());
			this.attempts.consume("operator-sign-in-address", this.clientAddress.of(request),
					this.properties.signInPerAddress());
		}
		catch (RateLimitedException ex) {
			this.audit.record(username, OperatorAction.SIGN_IN, ex.code(), null, null, request);
			throw ex;
		}
		try {
			this.authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username,
					(body.password() != null) ? body.password() : ""));
		}
		catch (AuthenticationException ex) {
			this.audit.record(username, OperatorAction.SIGN_IN, "SIGN_IN_FAILED", null, null, request);
			throw OperatorAccessException.signInFailed();
		}
		OperatorPrincipal principal = this.operators.principal(username);
		HttpSession existing = request.getSession(false);
		if (existing != null) {
			existing.invalidate();
		}
		request.getSession(true);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(OperatorAuthenticationFilter.authenticated(principal));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		this.audit.record(principal, OperatorAction.SIGN_IN, null, null, request);
		return Me.of(principal);
	}

	@GetMapping("/admin/api/session")
	Me whoAmI(@AuthenticationPrincipal OperatorPrincipal principal) {
		return Me.of(principal);
	}

	@DeleteMapping("/admin/api/session")
	ResponseEntity<Void> signOut(@AuthenticationPrincipal OperatorPrincipal principal, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		this.audit.record(principal, OperatorAction.SIGN_OUT, null, null, request);
		return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
	}

	/**
	 * @param username the operator's name
	 * @param password the operator's password
	 */
	record SignIn(String username, String password) {

		@Override
		public String toString() {
			return "SignIn[username=" + this.username + ", password=******]";
		}

	}

	/**
	 * Who is calling.
	 *
	 * @param username the operator's name, or {@code key:<name>} for an API key
	 * @param role {@code admin} or {@code viewer}
	 * @param apiKey whether the caller is an API key
	 */
	record Me(String username, String role, boolean apiKey) {

		static Me of(OperatorPrincipal principal) {
			return new Me(principal.name(), principal.role().wire(), !principal.isOperator());
		}

	}

}
