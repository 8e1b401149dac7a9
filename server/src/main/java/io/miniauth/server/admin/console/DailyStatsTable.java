package io.miniauth.server.admin.console;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures of the days that are over, in {@code stats_daily}: one row per zone, local
 * day, app, figure and key, plus a row that says the day is complete.
 */
@Repository
class DailyStatsTable {

	private static final String COMPLETE = "day";

	private static final String NONE = "-";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	DailyStatsTable(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * The complete days between two dates, in one query.
	 * @param zone the time zone of the days
	 * @param from the first day
	 * @param to the last day
	 * @return the days found, by date
	 */
	Map<LocalDate, DailyCounts.Day> read(ZoneId zone, LocalDate from, LocalDate to) {
		Map<LocalDate, Figures> found = new TreeMap<>();
		this.jdbc.sql("""
				SELECT local_day, appid, figure, figure_key, n FROM stats_daily
				WHERE stats_zone = :zone AND local_day >= :from AND local_day <= :to
				""").param("zone", zone.getId()).param("from", from).param("to", to).query((rs) -> {
			Figures figures = found.computeIfAbsent(rs.getObject("local_day", LocalDate.class), (day) -> new Figures());
			String figure = rs.getString("figure");
			String appid = rs.getString("appid");
			String key = rs.getString("figure_key");
			StatsRepository.Count count = new StatsRepository.Count(NONE.equals(appid) ? null : appid,
					NONE.equals(key) ? null : key, rs.getLong("n"));
			figures.add(figure, count);
		});
		Map<LocalDate, DailyCounts.Day> days = new TreeMap<>();
		found.forEach((day, figures) -> {
			if (figures.complete) {
				days.put(day, figures.day());
			}
		});
		return days;
	}

	/**
	 * Writes a day's figures, unless they are there already.
	 * @param zone the time zone of the day
	 * @param date the day
	 * @param day its figures
	 * @return {@code false} when another instance wrote the day first
	 */
	boolean insert(ZoneId zone, LocalDate date, DailyCounts.Day day) {
		try {
			this.transaction.executeWithoutResult((status) -> {
				// first: the primary key makes a second writer fail (or wait for the
				// first one and then fail) here, before anything else is written
				insert(zone, date, COMPLETE, new StatsRepository.Count(null, null, 0));
				for (Figure figure : Figure.values()) {
					figure.of(day).forEach((count) -> insert(zone, date, figure.column, count));
				}
			});
			return true;
		}
		catch (DuplicateKeyException | PessimisticLockingFailureException ex) {
			// written, or being written, by another instance: the figures of a day that
			// is over are the same whoever computes them
			return false;
		}
	}

	private void insert(ZoneId zone, LocalDate date, String figure, StatsRepository.Count count) {
		this.jdbc.sql("""
				INSERT INTO stats_daily (stats_zone, local_day, appid, figure, figure_key, n)
				VALUES (:zone, :day, :appid, :figure, :key, :n)
				""")
			.param("zone", zone.getId())
			.param("day", date)
			.param("appid", (count.appid() != null) ? count.appid() : NONE)
			.param("figure", figure)
			.param("key", (count.key() != null) ? count.key() : NONE)
			.param("n", count.count())
			.update();
	}

	/**
	 * The figures of a day, as named in the {@code figure} column.
	 */
	private enum Figure {

		NEW_USERS("new_users"), LOGINS("logins"), ACTIVE_USERS("active_users"), WECHAT_ERRORS("wechat_errors"),
		PAID_CALLS("paid_calls");

		private final String column;

		Figure(String column) {
			this.column = column;
		}

		List<StatsRepository.Count> of(DailyCounts.Day day) {
			return switch (this) {
				case NEW_USERS -> day.newUsers();
				case LOGINS -> day.logins();
				case ACTIVE_USERS -> day.activeUsers();
				case WECHAT_ERRORS -> day.weChatErrors();
				case PAID_CALLS -> day.paidCalls();
			};
		}

		static Figure named(String column) {
			for (Figure figure : values()) {
				if (figure.column.equals(column)) {
					return figure;
				}
			}
			return null;
		}

	}

	private static final class Figures {

		private final Map<Figure, List<StatsRepository.Count>> counts = new EnumMap<>(Figure.class);

		private boolean complete;

		void add(String column, StatsRepository.Count count) {
			if (COMPLETE.equals(column)) {
				this.complete = true;
				return;
			}
			Figure figure = Figure.named(column);
			if (figure != null) {
				this.counts.computeIfAbsent(figure, (key) -> new ArrayList<>()).add(count);
			}
		}

		DailyCounts.Day day() {
			return new DailyCounts.Day(get(Figure.NEW_USERS), get(Figure.LOGINS), get(Figure.ACTIVE_USERS),
					get(Figure.WECHAT_ERRORS), get(Figure.PAID_CALLS));
		}

		private List<StatsRepository.Count> get(Figure figure) {
			return this.counts.getOrDefault(figure, List.of());
		}

	}

}
