package io.miniauth.server.operator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.miniauth.server.persistence.UtcTimestamps.fromColumn;
import static io.miniauth.server.persistence.UtcTimestamps.toColumn;

/**
 * Operator accounts over {@link JdbcClient}.
 */
@Repository
class OperatorRepository {

	private static final String COLUMNS = "id, username, password_hash, role, created_at";

	private final JdbcClient jdbc;

	OperatorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Operator operator) {
		this.jdbc.sql("""
				INSERT INTO operators (id, username, password_hash, role, created_at)
				VALUES (:id, :username, :passwordHash, :role, :createdAt)
				""")
			.param("id", operator.id())
			.param("username", operator.username())
			.param("passwordHash", operator.passwordHash())
			.param("role", operator.role().name())
			.param("createdAt", toColumn(operator.createdAt()))
			.update();
	}

	Optional<Operator> findByUsername(String username) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM operators WHERE username = :username")
			.param("username", username)
			.query(OperatorRepository::map)
			.optional();
	}

	Optional<Operator> findById(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM operators WHERE id = :id")
			.param("id", id)
			.query(OperatorRepository::map)
			.optional();
	}

	List<Operator> findAll() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM operators ORDER BY username")
			.query(OperatorRepository::map)
			.list();
	}

	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM operators").query(Long.class).single();
	}

	long countByRole(OperatorRole role) {
		return this.jdbc.sql("SELECT COUNT(*) FROM operators WHERE role = :role")
			.param("role", role.name())
			.query(Long.class)
			.single();
	}

	boolean delete(String id) {
		return this.jdbc.sql("DELETE FROM operators WHERE id = :id").param("id", id).update() == 1;
	}

	void updatePassword(String id, String passwordHash) {
		this.jdbc.sql("UPDATE operators SET password_hash = :passwordHash WHERE id = :id")
			.param("id", id)
			.param("passwordHash", passwordHash)
			.update();
	}

	private static Operator map(ResultSet rs, int rowNum) throws SQLException {
		return new Operator(rs.getString("id"), rs.getString("username"), rs.getString("password_hash"),
				OperatorRole.valueOf(rs.getString("role")), fromColumn(rs, "created_at"));
	}

}
