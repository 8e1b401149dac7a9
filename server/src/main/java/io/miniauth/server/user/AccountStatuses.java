package io.miniauth.server.user;

import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.miniauth.server.persistence.UtcTimestamps.fromColumn;

/**
 * Reads where users' accounts stand, for the paths that must refuse a locked account.
 */
@Repository
public class AccountStatuses {

	private static final String FIND = "SELECT status, status_until, status_reason FROM users WHERE id = :id";

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountStatuses(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A user's status as it stands now (a timed ban that has run out is over).
	 * @param userId the user
	 * @return the status, empty when the user is unknown
	 */
	public Optional<AccountStatus> find(String userId) {
		return this.jdbc.sql(FIND)
			.param("id", userId)
			.query((rs, rowNum) -> new AccountStatus(rs.getString("status"), fromColumn(rs, "status_until"),
					rs.getString("status_reason")))
			.optional()
			.map((status) -> status.at(this.clock.instant()));
	}

	/**
	 * Refuses a user whose account is banned or pending deletion. Deleted users are not
	 * refused here: their sessions have ended, which refuses them.
	 * @param userId the user
	 * @throws AccountBannedException when the account is banned or pending deletion
	 */
	public void requireUnlocked(String userId) {
		find(userId).ifPresent(AccountStatuses::refuseLocked);
	}

	/**
	 * Refuses a locked status.
	 * @param status the status in effect
	 * @throws AccountBannedException when it is a ban or a pending deletion
	 */
	public static void refuseLocked(AccountStatus status) {
		if (AccountStatus.BANNED.equals(status.value()) || AccountStatus.DELETION_PENDING.equals(status.value())) {
			throw new AccountBannedException(status);
		}
	}

}
