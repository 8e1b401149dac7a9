package io.miniauth.server.admin.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.miniauth.server.app.MiniApp;
import io.miniauth.server.app.MiniApps;
import io.miniauth.server.operator.OperatorProperties;
import io.miniauth.server.problem.ErrorCode;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/api/stats}: per app and per day (days of the given time zone,
 * {@code miniauth.admin.zone} by default), new users, logins, daily active users, login
 * failures by code and WeChat errors by errcode, plus the sessions active now. Computed
 * from the users, the authentication events and the sessions: the days that are over from
 * their roll-up ({@link DailyCounts}), today from indexed range queries, and one query
 * for the sessions. A day not rolled up yet that the request had no time for is named in
 * {@code pendingDays}.
 */
@RestController
@Tag(name = "admin")
class AdminStatsController {

	private static final String PHONE_IN_USE = ErrorCode.PHONE_IN_USE.name();

	private final StatsRepository stats;

	private final DailyCounts daily;

	private final MiniApps apps;

	private final ZoneId defaultZone;

	private final Clock clock;

	AdminStatsController(StatsRepository stats, DailyCounts daily, MiniApps apps, OperatorProperties properties,
			Clock clock) {
		this.stats = stats;
		this.daily = daily;
		this.apps = apps;
		this.defaultZone = properties.zone();
		this.clock = clock;
	}

	@GetMapping("/admin/api/stats")
	Stats stats(@RequestParam(defaultValue = "7") int days, @RequestParam(required = false) String zone) {
		if (days < 1 || days > 31) {
			throw new AdminRequestException("days must be between 1 and 31");
		}
		ZoneId statsZone = Zones.of(zone, this.defaultZone);
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, statsZone);
		Map<String, AppStats> byApp = new LinkedHashMap<>();
		for (MiniApp app : this.apps.all()) {
			byApp.put(app.appid(), new AppStats(app.appid(), days));
		}
		List<LocalDate> dates = new ArrayList<>();
		for (int i = 0; i < days; i++) {
			dates.add(today.minusDays(days - 1 - i));
		}
		DailyCounts.Days counted = this.daily.of(dates, statsZone);
		for (int i = 0; i < days; i++) {
			DailyCounts.Day counts = counted.ready().get(dates.get(i));
			if (counts == null) {
				continue;
			}
			int day = i;
			counts.newUsers().forEach((count) -> app(byApp, count.appid(), days).newUsers[day] += count.count());
			counts.logins().forEach((count) -> {
				AppStats app = app(byApp, count.appid(), days);
				if ("ok".equals(count.key())) {
					app.logins[day] += count.count();
				}
				else {
					if (PHONE_IN_USE.equals(count.key())) {
						// the phone code was exchanged (and paid for) before the refusal
						app.paidCalls[day] += count.count();
					}
					app.loginFailures.computeIfAbsent(count.key(), (code) -> new long[days])[day] += count.count();
				}
			});
			counts.activeUsers()
				.forEach((count) -> app(byApp, count.appid(), days).dailyActiveUsers[day] += count.count());
			counts.weChatErrors()
				.forEach((count) -> app(byApp, count.appid(), days).weChatErrors.computeIfAbsent(count.key(),
						(errcode) -> new long[days])[day] += count.count());
			counts.paidCalls().forEach((count) -> app(byApp, count.appid(), days).paidCalls[day] += count.count());
		}
		this.stats.activeSessions(now)
			.forEach((count) -> app(byApp, count.appid(), days).activeSessions += count.count());
		return new Stats(statsZone.getId(), dates.stream().map(LocalDate::toString).toList(),
				byApp.values().stream().map(AppStats::view).toList(),
				counted.pending().stream().map(LocalDate::toString).toList());
	}

	private static AppStats app(Map<String, AppStats> byApp, String appid, int days) {
		// events of an app no longer configured are still shown, under their appid
		return byApp.computeIfAbsent((appid != null) ? appid : "-", (id) -> new AppStats(id, days));
	}

	/**
	 * @param zone the time zone of the days
	 * @param days the days, oldest first ({@code yyyy-MM-dd}); every series has one value
	 * per day
	 * @param apps per app
	 * @param pendingDays the days still being computed, whose values are 0 for now (ask
	 * again in a few seconds)
	 */
	record Stats(String zone, List<String> days, List<AppStatsView> apps, List<String> pendingDays) {
	}

	/**
	 * @param appid the app
	 * @param newUsers first logins per day
	 * @param logins successful logins per day
	 * @param dailyActiveUsers users who logged in or refreshed per day
	 * @param loginFailures failed logins per day, by error code
	 * @param weChatErrors events that WeChat failed per day, by errcode
	 * @param activeSessions sessions active now
	 * @param paidCalls calls WeChat charged the operator for per day (phone number
	 * exchanges, 0.03–0.04 元 each) as the trail records them
	 */
	record AppStatsView(String appid, long[] newUsers, long[] logins, long[] dailyActiveUsers,
			Map<String, long[]> loginFailures, Map<String, long[]> weChatErrors, long activeSessions,
			long[] paidCalls) {
	}

	private static final class AppStats {

		private final String appid;

		private final long[] newUsers;

		private final long[] logins;

		private final long[] dailyActiveUsers;

		private final Map<String, long[]> loginFailures = new TreeMap<>();

		private final Map<String, long[]> weChatErrors = new TreeMap<>();

		private long activeSessions;

		private final long[] paidCalls;

		AppStats(String appid, int days) {
			this.appid = appid;
			this.paidCalls = new long[days];
			this.newUsers = new long[days];
			this.logins = new long[days];
			this.dailyActiveUsers = new long[days];
		}

		AppStatsView view() {
			return new AppStatsView(this.appid, this.newUsers, this.logins, this.dailyActiveUsers, this.loginFailures,
					this.weChatErrors, this.activeSessions, this.paidCalls);
		}

	}

}
