package io.miniauth.server.operator;

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
 * API keys over {@link JdbcClient}, found by the SHA-256 hash of the key.
 */
@Repository
class ApiKeyRepository {

	private static final String COLUMNS = "id, name, key_prefix, role, created_by, created_at, last_used_at";

	private final JdbcClient jdbc;

	ApiKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ApiKey key, String keyHash) {
		this.jdbc.sql("""
				INSERT INTO operator_api_keys (id, name, key_hash, key_prefix, role, created_by, created_at)
				VALUES (:id, :name, :keyHash, :prefix, :role, :createdBy, :createdAt)
				""")
			.param("id", key.id())
			.param("name", key.name())
			.param("keyHash", keyHash)
			.param("prefix", key.prefix())
			.param("role", key.role().name())
			.param("createdBy", key.createdBy())
			.param("createdAt", toColumn(key.createdAt()))
			.update();
	}

	Optional<ApiKey> findByHash(String keyHash) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM operator_api_keys WHERE key_hash = :keyHash")
			.param("keyHash", keyHash)
			.query(ApiKeyRepository::map)
			.optional();
	}

	List<ApiKey> findAll() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM operator_api_keys ORDER BY created_at, id")
			.query(ApiKeyRepository::map)
			.list();
	}

	boolean delete(String id) {
		return this.jdbc.sql("DELETE FROM operator_api_keys WHERE id = :id").param("id", id).update() == 1;
	}

	void touch(String id, Instant now) {
		this.jdbc.sql("UPDATE operator_api_keys SET last_used_at = :now WHERE id = :id")
			.param("id", id)
			.param("now", toColumn(now))
			.update();
	}

	private static ApiKey map(ResultSet rs, int rowNum) throws SQLException {
		return new ApiKey(rs.getString("id"), rs.getString("name"), rs.getString("key_prefix"),
				OperatorRole.valueOf(rs.getString("role")), rs.getString("created_by"), fromColumn(rs, "created_at"),
				fromColumn(rs, "last_used_at"));
	}

}
