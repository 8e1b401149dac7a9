package io.miniauth.server.admin.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.miniauth.server.persistence.PageCursor;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static io.miniauth.server.persistence.UtcTimestamps.fromColumn;
import static io.miniauth.server.persistence.UtcTimestamps.toColumn;

/**
 * {@code GET /admin/api/events}: the authentication trail searched by user, app, event
 * type, outcome and time range, newest first, a keyset page at a time.
 */
@RestController
@Tag(name = "admin")
class AdminEventController {

	private final JdbcClient jdbc;

	AdminEventController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/admin/api/events")
	EventPage events(@RequestParam(required = false) String userId, @RequestParam(required = false) String appid,
			@RequestParam(required = false) String event, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
		int size = Paging.size(limit, 200);
		PageCursor after = Paging.cursor(cursor);
		StringBuilder sql = new StringBuilder("SELECT id, occurred_at, event, outcome, errcode, appid, user_id, "
				+ "session_id, client_ip, user_agent FROM auth_events WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		condition(sql, params, "user_id = :userId", "userId", userId);
		condition(sql, params, "appid = :appid", "appid", appid);
		condition(sql, params, "event = :event", "event",
				(event != null && !event.isBlank()) ? event.strip().toUpperCase(Locale.ROOT) : null);
		condition(sql, params, "outcome = :outcome", "outcome", outcome);
		condition(sql, params, "occurred_at >= :from", "from", (from != null) ? toColumn(from) : null);
		condition(sql, params, "occurred_at < :to", "to", (to != null) ? toColumn(to) : null);
		if (after != null) {
			sql.append(" AND (occurred_at < :afterTime OR (occurred_at = :afterTime AND id < :afterId))");
			params.put("afterTime", toColumn(after.time()));
			params.put("afterId", after.id());
		}
		sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT :limit");
		params.put("limit", size + 1);
		List<EventView> found = this.jdbc.sql(sql.toString()).params(params).query(AdminEventController::map).list();
		if (found.size() <= size) {
			return new EventPage(found, null);
		}
		List<EventView> page = found.subList(0, size);
		EventView last = page.get(size - 1);
		return new EventPage(page, new PageCursor(last.time(), last.id()).encode());
	}

	private static void condition(StringBuilder sql, Map<String, Object> params, String condition, String name,
			Object value) {
		if (value != null && !(value instanceof String text && text.isBlank())) {
			sql.append(" AND ").append(condition);
			params.put(name, (value instanceof String text) ? text.strip() : value);
		}
	}

	private static EventView map(ResultSet rs, int rowNum) throws SQLException {
		return new EventView(rs.getString("id"), fromColumn(rs, "occurred_at"),
				rs.getString("event").toLowerCase(Locale.ROOT), rs.getString("outcome"),
				rs.getObject("errcode", Integer.class), rs.getString("appid"), rs.getString("user_id"),
				rs.getString("session_id"), rs.getString("client_ip"), rs.getString("user_agent"));
	}

	/**
	 * @param events the page, newest first
	 * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the
	 * last
	 */
	record EventPage(List<EventView> events, String nextCursor) {
	}

	record EventView(String id, Instant time, String event, String outcome, Integer errcode, String appid,
			String userId, String sessionId, String ip, String userAgent) {
	}

}
