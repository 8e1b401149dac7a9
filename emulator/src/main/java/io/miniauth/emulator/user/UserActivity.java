package io.miniauth.emulator.user;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.Assert;

/**
 * When each user last opened a mini program ({@code wx.login()} on the phone), which the
 * content security APIs check: WeChat only checks content for a user who used the app
 * recently. Openids are app-specific, so an openid also names its app.
 */
public final class UserActivity {

	private final Map<String, Visit> lastVisits = new ConcurrentHashMap<>();

	private final Clock clock;

	public UserActivity(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
	}

	/**
	 * Notes that the user opened the app now.
	 * @param appid the app
	 * @param openid the user
	 */
	public void visited(String appid, String openid) {
		this.lastVisits.put(openid, new Visit(appid, this.clock.instant()));
	}

	/**
	 * The user's latest visit, whatever the app.
	 * @param openid the user
	 * @return the visit, empty when the openid was never seen
	 */
	public Optional<Visit> lastVisit(String openid) {
		return Optional.ofNullable(this.lastVisits.get(openid));
	}

	/**
	 * A visit.
	 *
	 * @param appid the app visited
	 * @param at when
	 */
	public record Visit(String appid, Instant at) {
	}

}
