package io.miniauth.server.session;

import java.time.Instant;
import java.util.List;

import io.miniauth.server.app.RequestedApp;
import io.miniauth.server.audit.AuthEventType;
import io.miniauth.server.audit.AuthEvents;
import io.miniauth.server.token.Caller;
import io.miniauth.server.web.ClientAddress;
import io.miniauth.server.web.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refresh, logout, and the caller's sessions.
 */
@RestController
class SessionController {

	private final Sessions sessions;

	private final TokenRefresher refresher;

	private final AuthEvents events;

	private final ClientAddress clientAddress;

	SessionController(Sessions sessions, TokenRefresher refresher, AuthEvents events, ClientAddress clientAddress) {
		this.sessions = sessions;
		this.refresher = refresher;
		this.events = events;
		this.clientAddress = clientAddress;
	}

	@PostMapping(path = "/user/token/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
		return this.refresher
			.refresh(request.refreshToken(), RequestedApp.from(http), ClientInfo.of(http, this.clientAddress))
			.toResponse();
	}

	@PostMapping("/user/logout")
	ResponseEntity<Void> logout(Caller caller, HttpServletRequest http) {
		this.sessions.end(caller.sessionId(), SessionEndReason.LOGOUT);
		record(AuthEventType.LOGOUT, SessionEndReason.LOGOUT, caller, caller.sessionId(), http);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/user/sessions")
	SessionList listSessions(Caller caller) {
		return new SessionList(this.sessions.active(caller.userId())
			.stream()
			.map((session) -> SessionView.of(session, caller.sessionId()))
			.toList());
	}

	@DeleteMapping("/user/sessions/{id}")
	ResponseEntity<Void> endSession(Caller caller, @PathVariable String id, HttpServletRequest http) {
		this.sessions.endOwn(caller.userId(), id);
		record(AuthEventType.SESSION_ENDED, SessionEndReason.ENDED_BY_USER, caller, id, http);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/user/sessions")
	ResponseEntity<Void> endOtherSessions(Caller caller, HttpServletRequest http) {
		if (this.sessions.endOthers(caller.userId(), caller.sessionId()) > 0) {
			record(AuthEventType.SESSION_ENDED, SessionEndReason.ENDED_BY_USER, caller, null, http);
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * A session's end, with its reason as the outcome (as {@code TOKEN_REVOKED} says it).
	 */
	private void record(AuthEventType type, SessionEndReason reason, Caller caller, String sessionId,
			HttpServletRequest http) {
		this.events.record(type, reason.wireName(), null, caller.appid(), caller.userId(), sessionId,
				ClientInfo.of(http, this.clientAddress));
	}

	record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {

		@Override
		public String toString() {
			return "RefreshRequest[refreshToken=******]";
		}

	}

	record SessionList(List<SessionView> sessions) {
	}

	record SessionView(String id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String ip, String userAgent,
			boolean current) {

		static SessionView of(Session session, String currentSessionId) {
			return new SessionView(session.id(), session.createdAt(), session.lastUsedAt(), session.expiresAt(),
					session.clientIp(), session.userAgent(), session.id().equals(currentSessionId));
		}

	}

}
