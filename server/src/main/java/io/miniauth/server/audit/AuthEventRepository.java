package io.miniauth.server.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.miniauth.server.persistence.UtcTimestamps.fromColumn;
import static io.miniauth.server.persistence.UtcTimestamps.toColumn;

/**
 * Authentication events over {@link JdbcClient}.
 */
@Repository
class AuthEventRepository {

	private static final String INSERT = """
			INSERT INTO auth_events (id, occurred_at, event, outcome, errcode, appid, user_id, session_id, client_ip, user_agent)
			VALUES (:id, :occurredAt, :event, :outcome, :errcode, :appid, :userId, :sessionId, :clientIp, :userAgent)
			""";

	private static final String FIND_BY_USER = """
			SELECT occurred_at, event, outcome, errcode, appid, user_id, session_id, client_ip, user_agent
			FROM auth_events WHERE user_id = :userId ORDER BY occurred_at DESC, id DESC LIMIT 50
			""";

	private static final String DELETE_BEFORE = "DELETE FROM auth_events WHERE occurred_at < :before";

	private final JdbcClient jdbc;

	AuthEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(AuthEvent event) {
		this.jdbc.sql(INSERT)
			.param("id", UUID.randomUUID().toString())
			.param("occurredAt", toColumn(event.occurredAt()))
			.param("event", event.type().name())
			.param("outcome", event.outcome())
			.param("errcode", event.errcode())
			.param("appid", event.appid())
			.param("userId", event.userId())
			.param("sessionId", event.sessionId())
			.param("clientIp", event.clientIp())
			.param("userAgent", event.userAgent())
			.update();
	}

	List<AuthEvent> findRecentByUser(String userId) {
		return this.jdbc.sql(FIND_BY_USER)
			.param("userId", userId)
			.query((rs, rowNum) -> new AuthEvent(fromColumn(rs, "occurred_at"),
					AuthEventType.valueOf(rs.getString("event")), rs.getString("outcome"),
					(Integer) rs.getObject("errcode", Integer.class), rs.getString("appid"), rs.getString("user_id"),
					rs.getString("session_id"), rs.getString("client_ip"), rs.getString("user_agent")))
			.list();
	}

	int deleteBefore(Instant before) {
		return this.jdbc.sql(DELETE_BEFORE).param("before", toColumn(before)).update();
	}

}
