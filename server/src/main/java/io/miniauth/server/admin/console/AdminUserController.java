package io.miniauth.server.admin.console;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.miniauth.server.audit.AuthEvent;
import io.miniauth.server.audit.AuthEvents;
import io.miniauth.server.operator.OperatorAction;
import io.miniauth.server.operator.OperatorAudit;
import io.miniauth.server.operator.OperatorEvent;
import io.miniauth.server.operator.OperatorPrincipal;
import io.miniauth.server.operator.OperatorProperties;
import io.miniauth.server.persistence.PageCursor;
import io.miniauth.server.session.Session;
import io.miniauth.server.session.Sessions;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users for operators: {@code GET /admin/api/users} (filters, keyset pages), {@code GET
 * /admin/api/users/{id}} (with sessions and events), {@code GET /admin/api/users/export}
 * (the same filters as CSV, streamed), and the user's sessions, which an admin can end
 * ({@code reason=ended_by_operator}).
 */
@RestController
@Tag(name = "admin", description = "Operator console and admin API")
class AdminUserController {

	static final int EXPORT_PAGE = 1000;

	private final AdminUsers users;

	private final Sessions sessions;

	private final AuthEvents events;

	private final OperatorAudit audit;

	private final ZoneId defaultZone;

	AdminUserController(AdminUsers users, Sessions sessions, AuthEvents events, OperatorAudit audit,
			OperatorProperties properties) {
		this.users = users;
		this.sessions = sessions;
		this.events = events;
		this.audit = audit;
		this.defaultZone = properties.zone();
	}

	@GetMapping("/admin/api/users")
	UserPage users(UserFilter filter, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") int limit) {
		int size = Paging.size(limit, 100);
		List<AdminUser> found = this.users.find(filter, Paging.cursor(cursor), size + 1);
		if (found.size() <= size) {
			return new UserPage(found, null);
		}
		List<AdminUser> page = found.subList(0, size);
		AdminUser last = page.get(size - 1);
		return new UserPage(page, new PageCursor(last.createdAt(), last.id()).encode());
	}

	@GetMapping("/admin/api/users/export")
	void export(UserFilter filter, @RequestParam(required = false) String zone,
			@AuthenticationPrincipal OperatorPrincipal operator, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		ZoneId exportZone = Zones.of(zone, this.defaultZone);
		this.audit.record(operator, OperatorAction.USERS_EXPORTED, null, filter.isEmpty() ? null : filter.toString(),
				request);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"users.csv\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		UserCsv csv = new UserCsv(writer, exportZone);
		csv.header(exportZone);
		PageCursor after = null;
		List<AdminUser> page;
		do {
			// one page in memory at a time, whatever the size of the list
			page = this.users.find(filter, after, EXPORT_PAGE);
			for (AdminUser user : page) {
				csv.user(user);
			}
			writer.flush();
			if (!page.isEmpty()) {
				AdminUser last = page.get(page.size() - 1);
				after = new PageCursor(last.createdAt(), last.id());
			}
		}
		while (page.size() == EXPORT_PAGE);
		writer.flush();
	}

	@GetMapping("/admin/api/users/{id}")
	UserDetail user(@PathVariable String id) {
		AdminUser user = this.users.get(id);
		return UserDetail.of(user, this.sessions.active(id).stream().map(SessionView::of).toList(),
				this.events.recent(id).stream().map(UserEventView::of).toList(),
				this.audit.find(id, null, 20).stream().map(OperatorActionView::of).toList());
	}

	@GetMapping("/admin/api/users/{id}/sessions")
	SessionList sessions(@PathVariable String id) {
		this.users.get(id);
		return new SessionList(this.sessions.active(id).stream().map(SessionView::of).toList());
	}

	@DeleteMapping("/admin/api/users/{id}/sessions")
	Map<String, Integer> endSessions(@PathVariable String id, @AuthenticationPrincipal OperatorPrincipal operator,
			HttpServletRequest request) {
		this.users.get(id);
		int ended = this.sessions.endAllByOperator(id);
		this.audit.record(operator, OperatorAction.SESSIONS_ENDED, id, String.valueOf(ended), request);
		return Map.of("ended", ended);
	}

	@DeleteMapping("/admin/api/users/{id}/sessions/{sid}")
	ResponseEntity<Void> endSession(@PathVariable String id, @PathVariable String sid,
			@AuthenticationPrincipal OperatorPrincipal operator, HttpServletRequest request) {
		this.users.get(id);
		this.sessions.endByOperator(id, sid);
		this.audit.record(operator, OperatorAction.SESSION_ENDED, id, sid, request);
		return ResponseEntity.noContent().build();
	}

	/**
	 * @param users the page, newest first
	 * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the
	 * last
	 */
	record UserPage(List<AdminUser> users, String nextCursor) {
	}

	/**
	 * The admin user JSON (the members of {@link AdminUser}, as the ban routes answer it)
	 * with three more members.
	 *
	 * @param sessions the active sessions
	 * @param events the latest authentication events, newest first
	 * @param operatorActions the latest operator actions on the user, newest first
	 */
	record UserDetail(String id, String appid, String openid, String unionid, String nickName, String avatarUrl,
			String signature, String phoneNumber, List<String> linkedApps, Instant createdAt, Instant lastLoginAt,
			String status, Instant statusUntil, String statusReason, List<String> contentReview,
			List<SessionView> sessions, List<UserEventView> events, List<OperatorActionView> operatorActions) {

		static UserDetail of(AdminUser user, List<SessionView> sessions, List<UserEventView> events,
				List<OperatorActionView> operatorActions) {
			return new UserDetail(user.id(), user.appid(), user.openid(), user.unionid(), user.nickName(),
					user.avatarUrl(), user.signature(), user.phoneNumber(), user.linkedApps(), user.createdAt(),
					user.lastLoginAt(), user.status(), user.statusUntil(), user.statusReason(), user.contentReview(),
					sessions, events, operatorActions);
		}

	}

	record SessionList(List<SessionView> sessions) {
	}

	record SessionView(String id, String appid, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String ip,
			String userAgent) {

		static SessionView of(Session session) {
			return new SessionView(session.id(), session.appid(), session.createdAt(), session.lastUsedAt(),
					session.expiresAt(), session.clientIp(), session.userAgent());
		}

	}

	record UserEventView(Instant time, String event, String outcome, Integer errcode, String appid, String sessionId,
			String ip, String userAgent) {

		static UserEventView of(AuthEvent event) {
			return new UserEventView(event.occurredAt(), event.type().name().toLowerCase(Locale.ROOT), event.outcome(),
					event.errcode(), event.appid(), event.sessionId(), event.clientIp(), event.userAgent());
		}

	}

	record OperatorActionView(Instant time, String actor, String action, String outcome, String detail) {

		static OperatorActionView of(OperatorEvent event) {
			return new OperatorActionView(event.occurredAt(), event.actor(), event.action().wire(), event.outcome(),
					event.detail());
		}

	}

}
