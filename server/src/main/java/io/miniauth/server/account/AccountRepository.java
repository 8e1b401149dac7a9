package io.miniauth.server.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.miniauth.server.user.AccountStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.miniauth.server.persistence.UtcTimestamps.fromColumn;
import static io.miniauth.server.persistence.UtcTimestamps.toColumn;

/**
 * Account statuses and the erasure of deleted accounts, over {@link JdbcClient}.
 */
@Repository
class AccountRepository {

	private static final String LOCK = """
			SELECT appid, openid, unionid, status, status_until, status_reason FROM users WHERE id = :id FOR UPDATE
			""";

	private static final String SET_STATUS = """
			UPDATE users SET status = :status, status_until = :until, status_reason = :reason, updated_at = :now
			WHERE id = :id
			""";

	private static final String ERASE = """
			UPDATE users SET openid = :openid, unionid = :unionid, nick_name = NULL, avatar_url = NULL,
			    signature = NULL, phone_number = NULL, pure_phone_number = NULL, country_code = NULL,
			    session_key = NULL, previous_session_key = NULL, status = 'deleted', status_until = NULL,
			    status_reason = NULL, deleted_at = :now, updated_at = :now
			WHERE id = :id
			""";

	private static final String ERASE_EVENT_CLIENTS = """
			UPDATE auth_events SET client_ip = NULL, user_agent = NULL WHERE user_id = :userId
			""";

	private static final String FIND_DUE = """
			SELECT id FROM users WHERE status = 'deletion_pending' AND status_until <= :now ORDER BY status_until
			""";

	private static final String ERASE_NICK_NAME = "UPDATE users SET nick_name = NULL, updated_at = :now WHERE id = :id";

	private static final String ERASE_AVATAR = "UPDATE users SET avatar_url = NULL, updated_at = :now WHERE id = :id";

	private static final String ERASE_PHONE = """
			UPDATE users SET phone_number = NULL, pure_phone_number = NULL, country_code = NULL, updated_at = :now
			WHERE id = :id
			""";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Reads a user's identifiers and status, and locks the row until the transaction ends
	 * (logins lock it too before they start a session).
	 * @param userId the user
	 * @return the row, empty when the user is unknown
	 */
	Optional<Locked> lock(String userId) {
		return this.jdbc.sql(LOCK)
			.param("id", userId)
			.query((rs, rowNum) -> new Locked(rs.getString("appid"), rs.getString("openid"), rs.getString("unionid"),
					new AccountStatus(rs.getString("status"), fromColumn(rs, "status_until"),
							rs.getString("status_reason"))))
			.optional();
	}

	void setStatus(String userId, AccountStatus status, Instant now) {
		this.jdbc.sql(SET_STATUS)
			.param("id", userId)
			.param("status", status.value())
			.param("until", (status.until() != null) ? toColumn(status.until()) : null)
			.param("reason", status.reason())
			.param("now", toColumn(now))
			.update();
	}

	/**
	 * Erases a user: profile, phone number and session keys gone, identifiers replaced by
	 * tombstones, status {@code deleted}; and the IP addresses and User-Agents of their
	 * events.
	 */
	void erase(String userId, String openidTombstone, String unionidTombstone, Instant now) {
		this.jdbc.sql(ERASE)
			.param("id", userId)
			.param("openid", openidTombstone)
			.param("unionid", unionidTombstone)
			.param("now", toColumn(now))
			.update();
		this.jdbc.sql(ERASE_EVENT_CLIENTS).param("userId", userId).update();
	}

	List<String> findDueDeletions(Instant now) {
		return this.jdbc.sql(FIND_DUE).param("now", toColumn(now)).query(String.class).list();
	}

	void eraseNickName(String userId, Instant now) {
		this.jdbc.sql(ERASE_NICK_NAME).param("id", userId).param("now", toColumn(now)).update();
	}

	void eraseAvatar(String userId, Instant now) {
		this.jdbc.sql(ERASE_AVATAR).param("id", userId).param("now", toColumn(now)).update();
	}

	void erasePhone(String userId, Instant now) {
		this.jdbc.sql(ERASE_PHONE).param("id", userId).param("now", toColumn(now)).update();
	}

	/**
	 * A locked user row.
	 *
	 * @param openid the openid (a tombstone once deleted)
	 * @param unionid the unionid, or {@code null}
	 * @param status the stored status
	 */
	record Locked(String appid, String openid, String unionid, AccountStatus status) {
	}

}
