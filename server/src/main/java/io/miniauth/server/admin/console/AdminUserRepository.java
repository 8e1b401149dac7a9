package io.miniauth.server.admin.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.miniauth.server.persistence.PageCursor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.miniauth.server.persistence.UtcTimestamps.fromColumn;
import static io.miniauth.server.persistence.UtcTimestamps.toColumn;

/**
 * Reads users for operators over {@link JdbcClient}: filtered, newest first by
 * {@code (created_at, id)}, a page at a time (keyset paging on the index of V7).
 */
@Repository
class AdminUserRepository {

	private static final String ACTIVE = "active";

	private static final String BANNED = "banned";

	private static final String COLUMNS = "id, appid, openid, unionid, nick_name, avatar_url, signature, "
			+ "phone_number, created_at, last_login_at, status, status_until, status_reason, content_review";

	private final JdbcClient jdbc;

	private final Clock clock;

	AdminUserRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A page of the users that match a filter, newest first.
	 * @param filter the filter
	 * @param after the last user of the previous page, or {@code null}
	 * @param limit the page size
	 * @return the users, without their linked apps
	 */
	List<AdminUser> find(UserFilter filter, PageCursor after, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM users WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		condition(sql, params, "appid = :appid", "appid", filter.appid());
		condition(sql, params, "openid = :openid", "openid", filter.openid());
		condition(sql, params, "unionid = :unionid", "unionid", filter.unionid());
		condition(sql, params, "(phone_number = :phone OR pure_phone_number = :phone)", "phone", filter.phone());
		if (filter.nickname() != null) {
			condition(sql, params, "LOWER(nick_name) LIKE :nickname ESCAPE '!'", "nickname",
					"%" + filter.nickname().toLowerCase(Locale.ROOT).replaceAll("([!%_])", "!$1") + "%");
		}
		if (BANNED.equals(filter.status())) {
			// a timed ban that has run out is over, whatever the row still says
			condition(sql, params, "status = :status AND (status_until IS NULL OR status_until > :now)", "status",
					BANNED);
			params.put("now", toColumn(this.clock.instant()));
		}
		else if (ACTIVE.equals(filter.status())) {
			condition(sql, params, "(status = :status OR (status = 'banned' AND status_until <= :now))", "status",
					ACTIVE);
			params.put("now", toColumn(this.clock.instant()));
		}
		else {
			condition(sql, params, "status = :status", "status", filter.status());
		}
		condition(sql, params, "created_at >= :createdFrom", "createdFrom", filter.createdFrom());
		condition(sql, params, "created_at < :createdTo", "createdTo", filter.createdTo());
		condition(sql, params, "last_login_at >= :lastLoginFrom", "lastLoginFrom", filter.lastLoginFrom());
		condition(sql, params, "last_login_at < :lastLoginTo", "lastLoginTo", filter.lastLoginTo());
		if (after != null) {
			sql.append(" AND (created_at < :afterTime OR (created_at = :afterTime AND id < :afterId))");
			params.put("afterTime", toColumn(after.time()));
			params.put("afterId", after.id());
		}
		sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	Optional<AdminUser> findById(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/**
	 * The apps of the users with the given unionids, in one query.
	 * @param unionids the unionids
	 * @return each unionid's (user id, appid) pairs
	 */
	List<Link> findLinks(List<String> unionids) {
		if (unionids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT unionid, id, appid FROM users WHERE unionid IN (:unionids) ORDER BY appid")
			.param("unionids", unionids)
			.query((rs, rowNum) -> new Link(rs.getString("unionid"), rs.getString("id"), rs.getString("appid")))
			.list();
	}

	private static void condition(StringBuilder sql, Map<String, Object> params, String condition, String name,
			Object value) {
		if (value != null) {
			sql.append(" AND ").append(condition);
			params.put(name, (value instanceof java.time.Instant instant) ? toColumn(instant) : value);
		}
	}

	private AdminUser map(ResultSet rs, int rowNum) throws SQLException {
		String status = rs.getString("status");
		Instant until = fromColumn(rs, "status_until");
		String reason = rs.getString("status_reason");
		if (BANNED.equals(status) && until != null && !until.isAfter(this.clock.instant())) {
			// a timed ban lapses by itself
			status = ACTIVE;
			until = null;
			reason = null;
		}
		return new AdminUser(rs.getString("id"), rs.getString("appid"), rs.getString("openid"), rs.getString("unionid"),
				rs.getString("nick_name"), rs.getString("avatar_url"), rs.getString("signature"),
				rs.getString("phone_number"), List.of(), fromColumn(rs, "created_at"), fromColumn(rs, "last_login_at"),
				status, until, reason, contentReview(rs.getString("content_review")));
	}

	private static List<String> contentReview(String column) {
		return (column == null || column.isEmpty()) ? List.of() : List.of(column.split(","));
	}

	/**
	 * A user of a person known by unionid.
	 *
	 * @param unionid the unionid
	 * @param userId the user
	 * @param appid the user's app
	 */
	record Link(String unionid, String userId, String appid) {
	}

}
