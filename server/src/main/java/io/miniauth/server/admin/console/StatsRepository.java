package io.miniauth.server.admin.console;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.miniauth.server.persistence.UtcTimestamps.toColumn;

/**
 * The counts behind the dashboard, each one indexed range query over a day (users by
 * {@code created_at}, events by {@code (event, occurred_at)} or {@code occurred_at},
 * sessions by {@code (revoked_at, expires_at)}), grouped by app.
 */
@Repository
class StatsRepository {

	private final JdbcClient jdbc;

	StatsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Count> newUsers(Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT appid, COUNT(*) AS n FROM users
				WHERE created_at >= :from AND created_at < :to GROUP BY appid
				""")
			.param("from", toColumn(from))
			.param("to", toColumn(to))
			.query((rs, rowNum) -> new Count(rs.getString("appid"), null, rs.getLong("n")))
			.list();
	}

	/** Logins by app and outcome ({@code ok} or the error code answered). */
	List<Count> logins(Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT appid, outcome, COUNT(*) AS n FROM auth_events
				WHERE event = 'LOGIN' AND occurred_at >= :from AND occurred_at < :to GROUP BY appid, outcome
				""")
			.param("from", toColumn(from))
			.param("to", toColumn(to))
			.query((rs, rowNum) -> new Count(rs.getString("appid"), rs.getString("outcome"), rs.getLong("n")))
			.list();
	}

	/**
	 * Users who logged in or refreshed their tokens: with access tokens of a few hours,
	 * every user who keeps using an app over a day does one or the other.
	 */
	List<Count> activeUsers(Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT appid, COUNT(DISTINCT user_id) AS n FROM auth_events
				WHERE event IN ('LOGIN', 'REFRESH') AND outcome = 'ok'
				AND occurred_at >= :from AND occurred_at < :to GROUP BY appid
				""")
			.param("from", toColumn(from))
			.param("to", toColumn(to))
			.query((rs, rowNum) -> new Count(rs.getString("appid"), null, rs.getLong("n")))
			.list();
	}

	/** Events that WeChat failed, by app and WeChat errcode. */
	List<Count> weChatErrors(Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT appid, errcode, COUNT(*) AS n FROM auth_events
				WHERE occurred_at >= :from AND occurred_at < :to AND errcode IS NOT NULL GROUP BY appid, errcode
				""")
			.param("from", toColumn(from))
			.param("to", toColumn(to))
			.query((rs, rowNum) -> new Count(rs.getString("appid"), rs.getString("errcode"), rs.getLong("n")))
			.list();
	}

	/**
	 * Phone number exchanges paid for, as the trail records them: the bindings that
	 * succeeded (by {@code POST /user/phone} or by a login with a {@code phoneCode}), and
	 * those whose number came back but could not be bound ({@code PHONE_IN_USE},
	 * {@code WATERMARK_MISMATCH}). A login with a {@code phoneCode} refused
	 * {@code PHONE_IN_USE} was paid too: it is among {@link #logins}.
	 */
	List<Count> phoneBindingsPaid(Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT appid, COUNT(*) AS n FROM auth_events
				WHERE event = 'PHONE_BOUND' AND occurred_at >= :from AND occurred_at < :to
				AND outcome IN ('ok', 'PHONE_IN_USE', 'WATERMARK_MISMATCH') GROUP BY appid
				""")
			.param("from", toColumn(from))
			.param("to", toColumn(to))
			.query((rs, rowNum) -> new Count(rs.getString("appid"), null, rs.getLong("n")))
			.list();
	}

	List<Count> activeSessions(Instant now) {
		return this.jdbc.sql("""
				SELECT appid, COUNT(*) AS n FROM sessions
				WHERE revoked_at IS NULL AND expires_at > :now GROUP BY appid
				""")
			.param("now", toColumn(now))
			.query((rs, rowNum) -> new Count(rs.getString("appid"), null, rs.getLong("n")))
			.list();
	}

	/**
	 * @param appid the app
	 * @param key the outcome or errcode, or {@code null}
	 * @param count how many
	 */
	record Count(String appid, String key, long count) {
	}

}
