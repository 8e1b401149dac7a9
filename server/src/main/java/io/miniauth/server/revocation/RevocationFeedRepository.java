package io.miniauth.server.revocation;

import java.time.Instant;
import java.util.List;

import io.miniauth.server.persistence.UtcTimestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the ended sessions in the feed's order: by end time, then id (the
 * {@code revoked_at} index serves it).
 */
@Repository
class RevocationFeedRepository {

	private static final String AFTER = """
			SELECT id, user_id, revoked_reason, revoked_at FROM sessions
			WHERE revoked_at IS NOT NULL AND revoked_at >= :horizon
			  AND (revoked_at > :at OR (revoked_at = :at AND id > :id))
			ORDER BY revoked_at, id""";

	private final JdbcClient jdbc;

	RevocationFeedRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The sessions that ended after a position.
	 * @param cursor the position
	 * @param horizon the earliest end time still of interest
	 * @param limit how many at most
	 * @return the ended sessions, in the feed's order
	 */
	List<EndedSession> after(RevocationCursor cursor, Instant horizon, int limit) {
		Instant at = (cursor.endedAt() != null && cursor.endedAt().isAfter(horizon)) ? cursor.endedAt()
				: horizon.minusMillis(1);
		String id = (cursor.endedAt() != null && cursor.endedAt().isAfter(horizon)) ? cursor.sessionId() : "";
		return this.jdbc.sql(AFTER + " LIMIT " + limit)
			.param("horizon", UtcTimestamps.toColumn(horizon))
			.param("at", UtcTimestamps.toColumn(at))
			.param("id", id)
			.query((rs, row) -> new EndedSession(rs.getString("id"), rs.getString("user_id"),
					rs.getString("revoked_reason"), UtcTimestamps.fromColumn(rs, "revoked_at")))
			.list();
	}

	/**
	 * A session that has ended.
	 *
	 * @param sessionId the session
	 * @param userId its user
	 * @param reason why it ended
	 * @param endedAt when
	 */
	record EndedSession(String sessionId, String userId, String reason, Instant endedAt) {

	}

}
