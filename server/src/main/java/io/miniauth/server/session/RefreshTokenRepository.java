package io.miniauth.server.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refresh tokens by hash, over {@link JdbcClient}.
 */
@Repository
class RefreshTokenRepository {

	private static final String INSERT = """
			INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at)
			VALUES (:hash, :sessionId, :now, :expiresAt)
			""";

	private static final String FIND = "SELECT session_id, expires_at, used_at FROM refresh_tokens WHERE token_hash = :hash";

	private static final String MARK_USED = "UPDATE refresh_tokens SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL";

	private final JdbcClient jdbc;

	RefreshTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String hash, String sessionId, Instant now, Instant expiresAt) {
		this.jdbc.sql(INSERT)
			.param("hash", hash)
			.param("sessionId", sessionId)
			.param("now", utc(now))
			.param("expiresAt", utc(expiresAt))
			.update();
	}

	Optional<StoredRefreshToken> find(String hash) {
		return this.jdbc.sql(FIND)
			.param("hash", hash)
			.query((rs, rowNum) -> new StoredRefreshToken(rs.getString("session_id"),
					instant(rs.getObject("expires_at", LocalDateTime.class)),
					instant(rs.getObject("used_at", LocalDateTime.class))))
			.optional();
	}

	/**
	 * Marks a token used, once.
	 * @return whether this call marked it (false when it was used already)
	 */
	boolean markUsed(String hash, Instant now) {
		return this.jdbc.sql(MARK_USED).param("hash", hash).param("now", utc(now)).update() == 1;
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(LocalDateTime value) {
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

	record StoredRefreshToken(String sessionId, Instant expiresAt, Instant usedAt) {
	}

}
