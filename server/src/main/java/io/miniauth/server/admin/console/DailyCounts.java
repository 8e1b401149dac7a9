package io.miniauth.server.admin.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * One day's dashboard counts, in a time zone. A day that is over no longer changes
 * (events and users are recorded at the time they happen), so its counts are kept in
 * memory once read: a dashboard of 30 days queries the database for today only.
 */
@Component
class DailyCounts {

	/**
	 * A day's counts are kept once it has been over for this long (clock skew, commits).
	 */
	private static final Duration SETTLED = Duration.ofMinutes(5);

	private static final int MAX_KEPT = 1000;

	private final StatsRepository stats;

	private final Clock clock;

	private final Map<String, Day> settled = new ConcurrentHashMap<>();

	DailyCounts(StatsRepository stats, Clock clock) {
		this.stats = stats;
		this.clock = clock;
	}

	Day of(LocalDate date, ZoneId zone) {
		String key = zone.getId() + "|" + date;
		Day kept = this.settled.get(key);
		if (kept != null) {
			return kept;
		}
		Instant from = date.atStartOfDay(zone).toInstant();
		Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
		Day day = new Day(this.stats.newUsers(from, to), this.stats.logins(from, to), this.stats.activeUsers(from, to),
				this.stats.weChatErrors(from, to));
		if (to.plus(SETTLED).isBefore(this.clock.instant())) {
			if (this.settled.size() >= MAX_KEPT) {
				this.settled.clear();
			}
			this.settled.put(key, day);
		}
		return day;
	}

	/**
	 * @param newUsers first logins by app
	 * @param logins logins by app and outcome
	 * @param activeUsers users who logged in or refreshed, by app
	 * @param weChatErrors events that WeChat failed, by app and errcode
	 */
	record Day(List<StatsRepository.Count> newUsers, List<StatsRepository.Count> logins,
			List<StatsRepository.Count> activeUsers, List<StatsRepository.Count> weChatErrors) {
	}

}
