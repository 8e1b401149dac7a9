package io.miniauth.server.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.miniauth.server.persistence.UtcTimestamps.fromColumn;
import static io.miniauth.server.persistence.UtcTimestamps.toColumn;

/**
 * The outbox and the delivery log, over {@link JdbcClient}.
 */
@Repository
class WebhookRepository {

	static final String PENDING = "PENDING";

	static final String DELIVERED = "DELIVERED";

	static final String FAILED = "FAILED";

	private static final String INSERT_EVENT = """
			INSERT INTO webhook_events (id, type, appid, user_id, occurred_at, payload)
			VALUES (:id, :type, :appid, :userId, :occurredAt, :payload)
			""";

	private static final String INSERT_DELIVERY = """
			INSERT INTO webhook_deliveries (event_id, endpoint, user_id, status, attempts, created_at, next_attempt_at)
			VALUES (:eventId, :endpoint, :userId, 'PENDING', 0, :now, :now)
			""";

	private static final String FIND_EVENT = "SELECT id, type, appid, user_id, occurred_at, payload FROM webhook_events WHERE id = :id";

	private static final String FIND_EVENT_IDS_SINCE = "SELECT id FROM webhook_events WHERE occurred_at >= :since ORDER BY occurred_at, id";

	// a user's delivery waits while an earlier one to the same endpoint is pending, so
	// that each endpoint sees a user's events in order; rows another instance is
	// claiming right now are skipped, not waited for
	private static final String FIND_DUE = """
			SELECT id FROM webhook_deliveries d
			WHERE status = 'PENDING' AND next_attempt_at <= :now
			  AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p
			                  WHERE p.endpoint = d.endpoint AND p.user_id = d.user_id
			                    AND p.status = 'PENDING' AND p.id < d.id)
			ORDER BY id
			LIMIT :limit
			FOR UPDATE SKIP LOCKED
			""";

	private static final String CLAIM = """
			UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = :leaseUntil
			WHERE id = :id AND status = 'PENDING'
			""";

	private static final String FIND_CLAIMED = """
			SELECT d.id, d.event_id, d.endpoint, d.attempts, e.occurred_at, e.payload
			FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
			WHERE d.id IN (:ids) ORDER BY d.id
			""";

	private static final String RECORD_ATTEMPT = """
			UPDATE webhook_deliveries SET status = :status, next_attempt_at = :nextAttemptAt, last_attempt_at = :now,
			    last_status = :lastStatus, last_latency_ms = :latencyMs, last_error = :lastError
			WHERE id = :id AND attempts = :attempts AND status = 'PENDING'
			""";

	private static final String LIST = """
			SELECT d.id, d.event_id, e.type, d.endpoint, d.user_id, d.status, d.attempts, d.created_at,
			    d.next_attempt_at, d.last_attempt_at, d.last_status, d.last_latency_ms, d.last_error
			FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
			""";

	private static final String COUNT_PENDING = "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'PENDING'";

	private static final String OLDEST_PENDING = "SELECT MIN(created_at) AS oldest FROM webhook_deliveries WHERE status = 'PENDING'";

	private static final String DELETE_DELIVERIES_BEFORE = "DELETE FROM webhook_deliveries WHERE status <> 'PENDING' AND created_at < :before";

	private static final String DELETE_EVENTS_BEFORE = """
			DELETE FROM webhook_events WHERE occurred_at < :before
			  AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = webhook_events.id)
			""";

	private final JdbcClient jdbc;

	WebhookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertEvent(StoredEvent event) {
		this.jdbc.sql(INSERT_EVENT)
			.param("id", event.id())
			.param("type", event.type().wireName())
			.param("appid", event.appid())
			.param("userId", event.userId())
			.param("occurredAt", toColumn(event.occurredAt()))
			.param("payload", event.payload())
			.update();
	}

	void insertDelivery(String eventId, String endpoint, String userId, Instant now) {
		this.jdbc.sql(INSERT_DELIVERY)
			.param("eventId", eventId)
			.param("endpoint", endpoint)
			.param("userId", userId)
			.param("now", toColumn(now))
			.update();
	}

	Optional<StoredEvent> findEvent(String id) {
		return this.jdbc.sql(FIND_EVENT)
			.param("id", id)
			.query((rs, rowNum) -> new StoredEvent(rs.getString("id"),
					WebhookEventType.ofWireName(rs.getString("type")), rs.getString("appid"), rs.getString("user_id"),
					fromColumn(rs, "occurred_at"), rs.getString("payload")))
			.optional();
	}

	List<String> findEventIdsSince(Instant since) {
		return this.jdbc.sql(FIND_EVENT_IDS_SINCE).param("since", toColumn(since)).query(String.class).list();
	}

	/**
	 * Claims due deliveries for this instance until the lease ends; call in a
	 * transaction, which holds the rows' locks until it commits.
	 */
	List<ClaimedDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
		List<Long> ids = this.jdbc.sql(FIND_DUE)
			.param("now", toColumn(now))
			.param("limit", limit)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return List.of();
		}
		for (Long id : ids) {
			this.jdbc.sql(CLAIM).param("id", id).param("leaseUntil", toColumn(leaseUntil)).update();
		}
		return this.jdbc.sql(FIND_CLAIMED)
			.param("ids", ids)
			.query((rs, rowNum) -> new ClaimedDelivery(rs.getLong("id"), rs.getString("event_id"),
					rs.getString("endpoint"), rs.getInt("attempts"), fromColumn(rs, "occurred_at"),
					rs.getString("payload")))
			.list();
	}

	/**
	 * Records an attempt, provided the delivery is still this claim's (a claim whose
	 * lease ran out may have been taken over).
	 */
	boolean recordAttempt(ClaimedDelivery delivery, String status, Instant nextAttemptAt, Instant now,
			Integer lastStatus, long latencyMs, String lastError) {
		return this.jdbc.sql(RECORD_ATTEMPT)
			.param("id", delivery.id())
			.param("attempts", delivery.attempts())
			.param("status", status)
			.param("nextAttemptAt", toColumn(nextAttemptAt))
			.param("now", toColumn(now))
			.param("lastStatus", lastStatus)
			.param("latencyMs", latencyMs)
			.param("lastError", lastError)
			.update() == 1;
	}

	List<DeliveryView> list(String status, String eventId, int limit) {
		StringBuilder sql = new StringBuilder(LIST).append(" WHERE 1 = 1");
		if (status != null) {
			sql.append(" AND d.status = :status");
		}
		if (eventId != null) {
			sql.append(" AND d.event_id = :eventId");
		}
		sql.append(" ORDER BY d.id DESC LIMIT :limit");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString()).param("limit", limit);
		if (status != null) {
			statement = statement.param("status", status);
		}
		if (eventId != null) {
			statement = statement.param("eventId", eventId);
		}
		return statement.query(WebhookRepository::mapView).list();
	}

	long countPending() {
		return this.jdbc.sql(COUNT_PENDING).query(Long.class).single();
	}

	Optional<Instant> oldestPending() {
		return this.jdbc.sql(OLDEST_PENDING)
			.query((rs, rowNum) -> Optional.ofNullable(fromColumn(rs, "oldest")))
			.single();
	}

	int deleteBefore(Instant before) {
		int deliveries = this.jdbc.sql(DELETE_DELIVERIES_BEFORE).param("before", toColumn(before)).update();
		return deliveries + this.jdbc.sql(DELETE_EVENTS_BEFORE).param("before", toColumn(before)).update();
	}

	private static DeliveryView mapView(ResultSet rs, int rowNum) throws SQLException {
		return new DeliveryView(rs.getLong("id"), rs.getString("event_id"), rs.getString("type"),
				rs.getString("endpoint"), rs.getString("user_id"), rs.getString("status"), rs.getInt("attempts"),
				fromColumn(rs, "created_at"),
				PENDING.equals(rs.getString("status")) ? fromColumn(rs, "next_attempt_at") : null,
				fromColumn(rs, "last_attempt_at"), (Integer) rs.getObject("last_status", Integer.class),
				(Long) rs.getObject("last_latency_ms", Long.class), rs.getString("last_error"));
	}

}
