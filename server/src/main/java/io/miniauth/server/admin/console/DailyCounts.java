package io.miniauth.server.admin.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.miniauth.server.operator.OperatorProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The dashboard's counts per day, in a time zone. Today is counted from the raw rows
 * (indexed by time: the cost is today's rows). A day that is over no longer changes
 * (users and events are recorded at the time they happen), so it is rolled up once, by
 * whichever instance first needs it, into {@link DailyStatsTable}, and read from there
 * after. A request rolls up the missing days one at a time, newest first, for as long as
 * its budget lasts; the days left are rolled up in the background, one at a time, and
 * named as pending in the answer.
 */
@Component
class DailyCounts implements DisposableBean {

	private static final Log logger = LogFactory.getLog(DailyCounts.class);

	/**
	 * A day is rolled up once it has been over for this long (clock skew, commits).
	 */
	private static final Duration SETTLED = Duration.ofMinutes(5);

	private final StatsRepository stats;

	private final DailyStatsTable table;

	private final Duration budget;

	private final Clock clock;

	private final ExecutorService background = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "stats-roll-up");
		thread.setDaemon(true);
		return thread;
	});

	private final Set<String> rollingUp = ConcurrentHashMap.newKeySet();

	@Autowired
	DailyCounts(StatsRepository stats, DailyStatsTable table, OperatorProperties properties, Clock clock) {
		this(stats, table, properties.statsComputeBudget(), clock);
	}

	DailyCounts(StatsRepository stats, DailyStatsTable table, Duration budget, Clock clock) {
		this.stats = stats;
		this.table = table;
		this.budget = budget;
		this.clock = clock;
	}

	/**
	 * The counts of the given days.
	 * @param dates the days, oldest first
	 * @param zone their time zone
	 * @return the days ready, and those still being rolled up
	 */
	Days of(List<LocalDate> dates, ZoneId zone) {
		Instant now = this.clock.instant();
		// the budget is the request's own running time, not a time of the data
		long started = System.nanoTime();
		List<LocalDate> over = dates.stream().filter((date) -> isOver(date, zone, now)).toList();
		Map<LocalDate, Day> ready = new TreeMap<>();
		if (!over.isEmpty()) {
			ready.putAll(this.table.read(zone, over.get(0), over.get(over.size() - 1)));
		}
		List<LocalDate> pending = new ArrayList<>();
		List<LocalDate> newestFirst = new ArrayList<>(dates);
		Collections.reverse(newestFirst);
		for (LocalDate date : newestFirst) {
			if (!over.contains(date)) {
				ready.put(date, count(date, zone));
			}
			else if (!ready.containsKey(date)) {
				if (Duration.ofNanos(System.nanoTime() - started).compareTo(this.budget) < 0) {
					ready.put(date, rollUp(date, zone));
				}
				else {
					rollUpLater(date, zone);
					pending.add(date);
				}
			}
		}
		Collections.reverse(pending);
		return new Days(ready, pending);
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
	}

	private boolean isOver(LocalDate date, ZoneId zone, Instant now) {
		return date.plusDays(1).atStartOfDay(zone).toInstant().plus(SETTLED).isBefore(now);
	}

	private Day rollUp(LocalDate date, ZoneId zone) {
		Day day = count(date, zone);
		this.table.insert(zone, date, day);
		return day;
	}

	private void rollUpLater(LocalDate date, ZoneId zone) {
		String key = zone.getId() + "|" + date;
		if (!this.rollingUp.add(key)) {
			return;
		}
		this.background.execute(() -> {
			try {
				rollUp(date, zone);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not roll up the dashboard's " + date + " in " + zone.getId() + ": "
						+ ex.getClass().getSimpleName());
			}
			finally {
				this.rollingUp.remove(key);
			}
		});
	}

	private Day count(LocalDate date, ZoneId zone) {
		Instant from = date.atStartOfDay(zone).toInstant();
		Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
		return new Day(this.stats.newUsers(from, to), this.stats.logins(from, to), this.stats.activeUsers(from, to),
				this.stats.weChatErrors(from, to), this.stats.phoneBindingsPaid(from, to));
	}

	/**
	 * @param ready the counts of the days ready, by day
	 * @param pending the days that are over and still being rolled up, oldest first
	 */
	record Days(Map<LocalDate, Day> ready, List<LocalDate> pending) {
	}

	/**
	 * @param newUsers first logins by app
	 * @param logins logins by app and outcome
	 * @param activeUsers users who logged in or refreshed, by app
	 * @param weChatErrors events that WeChat failed, by app and errcode
	 * @param paidCalls phone bindings WeChat charged for, by app (logins refused
	 * {@code PHONE_IN_USE}, paid too, are among the logins)
	 */
	record Day(List<StatsRepository.Count> newUsers, List<StatsRepository.Count> logins,
			List<StatsRepository.Count> activeUsers, List<StatsRepository.Count> weChatErrors,
			List<StatsRepository.Count> paidCalls) {
	}

}
