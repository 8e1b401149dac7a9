package io.miniauth.server.operator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.miniauth.server.persistence.UtcTimestamps.fromColumn;
import static io.miniauth.server.persistence.UtcTimestamps.toColumn;

/**
 * The operator audit trail over {@link JdbcClient}, read newest first in pages.
 */
@Repository
class OperatorEventRepository {

	private final JdbcClient jdbc;

	OperatorEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(OperatorEvent event) {
		this.jdbc.sql("""
				INSERT INTO operator_events (id, occurred_at, actor, action, outcome, user_id, detail, client_ip)
				VALUES (:id, :occurredAt, :actor, :action, :outcome, :userId, :detail, :clientIp)
				""")
			.param("id", event.id())
			.param("occurredAt", toColumn(event.occurredAt()))
			.param("actor", event.actor())
			.param("action", event.action().name())
			.param("outcome", event.outcome())
			.param("userId", event.userId())
			.param("detail", event.detail())
			.param("clientIp", event.clientIp())
			.update();
	}

	/**
	 * A page of the trail, newest first.
	 * @param userId only events about this user, or {@code null}
	 * @param before only events older than this one (time and id), or {@code null}
	 * @param limit the page size
	 * @return the events
	 */
	List<OperatorEvent> find(String userId, OperatorEvent before, int limit) {
		StringBuilder sql = new StringBuilder("SELECT id, occurred_at, actor, action, outcome, user_id, detail, "
				+ "client_ip FROM operator_events WHERE 1 = 1");
		if (userId != null) {
			sql.append(" AND user_id = :userId");
		}
		if (before != null) {
			sql.append(" AND (occurred_at < :beforeTime OR (occurred_at = :beforeTime AND id < :beforeId))");
		}
		sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT :limit");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString()).param("limit", limit);
		if (userId != null) {
			statement = statement.param("userId", userId);
		}
		if (before != null) {
			statement = statement.param("beforeTime", toColumn(before.occurredAt())).param("beforeId", before.id());
		}
		return statement.query(OperatorEventRepository::map).list();
	}

	int deleteBefore(Instant before) {
		return this.jdbc.sql("DELETE FROM operator_events WHERE occurred_at < :before")
			.param("before", toColumn(before))
			.update();
	}

	private static OperatorEvent map(ResultSet rs, int rowNum) throws SQLException {
		return new OperatorEvent(rs.getString("id"), fromColumn(rs, "occurred_at"), rs.getString("actor"),
				OperatorAction.valueOf(rs.getString("action")), rs.getString("outcome"), rs.getString("user_id"),
				rs.getString("detail"), rs.getString("client_ip"));
	}

}
