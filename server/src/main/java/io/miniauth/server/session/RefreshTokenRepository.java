package io.miniauth.server.session;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.miniauth.server.persistence.UtcTimestamps.fromColumn;
import static io.miniauth.server.persistence.UtcTimestamps.toColumn;

/**
 * Refresh tokens by hash, over {@link JdbcClient}.
 */
@Repository
class RefreshTokenRepository {

	private static final String INSERT = """
			INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at)
			VALUES (:hash, :sessionId, :now, :expiresAt)
			""";

	private static final String FIND = "SELECT session_id, created_at, expires_at, used_at FROM refresh_tokens WHERE token_hash = :hash";

	private static final String MARK_USED = "UPDATE refresh_tokens SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL";

	private static final String DELETE_EXPIRED = "DELETE FROM refresh_tokens WHERE expires_at < :now";

	private final JdbcClient jdbc;

	RefreshTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String hash, String sessionId, Instant now, Instant expiresAt) {
		this.jdbc.sql(INSERT)
			.param("hash", hash)
			.param("sessionId", sessionId)
			.param("now", toColumn(now))
			.param("expiresAt", toColumn(expiresAt))
			.update();
	}

	Optional<StoredRefreshToken> find(String hash) {
		return this.jdbc.sql(FIND)
			.param("hash", hash)
			.query((rs, rowNum) -> new StoredRefreshToken(rs.getString("session_id"), fromColumn(rs, "created_at"),
					fromColumn(rs, "expires_at"), fromColumn(rs, "used_at")))
			.optional();
	}

	/**
	 * Marks a token used, once.
	 * @return whether this call marked it (false when it was used already)
	 */
	boolean markUsed(String hash, Instant now) {
		return this.jdbc.sql(MARK_USED).param("hash", hash).param("now", toColumn(now)).update() == 1;
	}

	/**
	 * Deletes the tokens that have expired, used or not.
	 * @return how many were deleted
	 */
	int deleteExpired(Instant now) {
		return this.jdbc.sql(DELETE_EXPIRED).param("now", toColumn(now)).update();
	}

	/**
	 * A stored refresh token.
	 *
	 * @param sessionId its session
	 * @param createdAt when it was issued: for a successor, when the token it replaces
	 * was used
	 * @param expiresAt when it expires
	 * @param usedAt when it was exchanged, or {@code null}
	 */
	record StoredRefreshToken(String sessionId, Instant createdAt, Instant expiresAt, Instant usedAt) {
	}

}
