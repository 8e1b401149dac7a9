package io.miniauth.server.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.miniauth.server.persistence.UtcTimestamps.fromColumn;
import static io.miniauth.server.persistence.UtcTimestamps.toColumn;

/**
 * Sessions over {@link JdbcClient}. Times are stored as UTC.
 */
@Repository
class SessionRepository {

	private static final String COLUMNS = "id, user_id, appid, created_at, last_used_at, expires_at, revoked_at, client_ip, user_agent";

	private static final String INSERT = """
			INSERT INTO sessions (id, user_id, appid, created_at, last_used_at, expires_at, client_ip, user_agent)
			VALUES (:id, :userId, :appid, :now, :now, :expiresAt, :clientIp, :userAgent)
			""";

	/** A session that has neither ended nor expired, as {@link Session#isActive} says. */
	private static final String ACTIVE = "revoked_at IS NULL AND expires_at > :now";

	private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM sessions WHERE id = :id";

	private static final String LOCK_ACTIVE = FIND_BY_ID + " AND " + ACTIVE + " FOR UPDATE";

	private static final String FIND_ACTIVE_BY_USER = "SELECT " + COLUMNS
			+ " FROM sessions WHERE user_id = :userId AND " + ACTIVE + " ORDER BY created_at, id";

	private static final String COUNT_ACTIVE = "SELECT COUNT(*) FROM sessions WHERE " + ACTIVE;

	private static final String DELETE_EXPIRED = """
			DELETE FROM sessions WHERE expires_at < :before
			AND NOT EXISTS (SELECT 1 FROM refresh_tokens WHERE refresh_tokens.session_id = sessions.id)
			""";

	private static final String END = "UPDATE sessions SET revoked_at = :now, revoked_reason = :reason WHERE ";

	private static final String REVOKE = END + "id = :id AND revoked_at IS NULL";

	private static final String FIND_END = "SELECT revoked_at, revoked_reason FROM sessions WHERE id = :id";

	private static final String ERASE_CLIENT = "UPDATE sessions SET client_ip = NULL, user_agent = NULL WHERE user_id = :userId";

	private static final String TOUCH = "UPDATE sessions SET last_used_at = :now WHERE id = :id AND last_used_at < :now";

	private static final String EXTEND = "UPDATE sessions SET last_used_at = :now, expires_at = :expiresAt WHERE id = :id";

	private static final RowMapper<Session> SESSION_MAPPER = SessionRepository::mapSession;

	private final JdbcClient jdbc;

	SessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Session session) {
		this.jdbc.sql(INSERT)
			.param("id", session.id())
			.param("userId", session.userId())
			.param("appid", session.appid())
			.param("now", toColumn(session.createdAt()))
			.param("expiresAt", toColumn(session.expiresAt()))
			.param("clientIp", session.clientIp())
			.param("userAgent", session.userAgent())
			.update();
	}

	Optional<Session> findById(String id) {
		return this.jdbc.sql(FIND_BY_ID).param("id", id).query(SESSION_MAPPER).optional();
	}

	/**
	 * Reads a session and locks it until the transaction ends, provided it is active.
	 * Whoever ends it meanwhile waits for this transaction; a transaction that locks it
	 * after it ended finds nothing.
	 * @return the session, or empty when it has ended, expired or is unknown
	 */
	Optional<Session> lockActive(String id, Instant now) {
		return this.jdbc.sql(LOCK_ACTIVE).param("id", id).param("now", toColumn(now)).query(SESSION_MAPPER).optional();
	}

	List<Session> findActiveByUser(String userId, Instant now) {
		return this.jdbc.sql(FIND_ACTIVE_BY_USER)
			.param("userId", userId)
			.param("now", toColumn(now))
			.query(SESSION_MAPPER)
			.list();
	}

	/**
	 * How many sessions are active.
	 * @param now the time
	 * @return the count
	 */
	long countActive(Instant now) {
		return this.jdbc.sql(COUNT_ACTIVE).param("now", toColumn(now)).query(Long.class).single();
	}

	/**
	 * Deletes the sessions that expired before a time and have no refresh token left.
	 * @param before the time
	 * @return how many were deleted
	 */
	int deleteExpiredBefore(Instant before) {
		return this.jdbc.sql(DELETE_EXPIRED).param("before", toColumn(before)).update();
	}

	/**
	 * Ends a session.
	 * @return whether this call ended it (false when it had already ended)
	 */
	boolean revoke(String id, SessionEndReason reason, Instant now) {
		return this.jdbc.sql(REVOKE)
			.param("id", id)
			.param("reason", reason.name())
			.param("now", toColumn(now))
			.update() == 1;
	}

	/**
	 * Why a session ended.
	 * @return the reason, empty when the session has not ended (it expired), is unknown,
	 * or ended for a reason no longer known
	 */
	Optional<SessionEndReason> findEndReason(String id) {
		return this.jdbc.sql(FIND_END)
			.param("id", id)
			.query((rs, rowNum) -> Optional.ofNullable(SessionEndReason.fromStored(rs.getString("revoked_reason"))))
			.optional()
			.flatMap((reason) -> reason);
	}

	/**
	 * Forgets where a user's sessions came from (IP address and User-Agent).
	 * @param userId the user
	 */
	void eraseClientInfo(String userId) {
		this.jdbc.sql(ERASE_CLIENT).param("userId", userId).update();
	}

	void touch(String id, Instant now) {
		this.jdbc.sql(TOUCH).param("id", id).param("now", toColumn(now)).update();
	}

	void extend(String id, Instant now, Instant expiresAt) {
		this.jdbc.sql(EXTEND)
			.param("id", id)
			.param("now", toColumn(now))
			.param("expiresAt", toColumn(expiresAt))
			.update();
	}

	private static Session mapSession(ResultSet rs, int rowNum) throws SQLException {
		return new Session(rs.getString("id"), rs.getString("user_id"), rs.getString("appid"),
				fromColumn(rs, "created_at"), fromColumn(rs, "last_used_at"), fromColumn(rs, "expires_at"),
				fromColumn(rs, "revoked_at"), rs.getString("client_ip"), rs.getString("user_agent"));
	}

}
