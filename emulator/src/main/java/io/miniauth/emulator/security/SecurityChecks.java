package io.miniauth.emulator.security;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import io.miniauth.emulator.api.WeChatError;
import io.miniauth.emulator.user.UserActivity;
import io.miniauth.emulator.user.UserActivity.Visit;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The rules that {@code msg_sec_check} and {@code media_check_async} share: version 2, a
 * scene from 1 to 4, and the openid of a user of the calling app who opened it within the
 * active window.
 */
final class SecurityChecks {

	private final UserActivity activity;

	private final ContentSecuritySettings settings;

	private final Clock clock;

	SecurityChecks(UserActivity activity, ContentSecuritySettings settings, Clock clock) {
		Assert.notNull(activity, "activity cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.activity = activity;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Checks a v2 call.
	 * @param appid the app of the call's access token
	 * @param version the version sent
	 * @param scene the scene sent
	 * @param openid the openid sent
	 * @return the error to answer, or {@code null} when the call may go on
	 */
	WeChatError refusal(String appid, Integer version, Integer scene, String openid) {
		if (version == null || version != 2) {
			return WeChatError.of(47001);
		}
		if (scene == null || scene < 1 || scene > 4) {
			return WeChatError.of(40129);
		}
		if (!StringUtils.hasText(openid)) {
			return WeChatError.of(44002);
		}
		Visit visit = this.activity.lastVisit(openid).orElse(null);
		if (visit == null) {
			return WeChatError.of(40003);
		}
		if (!visit.appid().equals(appid)) {
			return WeChatError.of(43104);
		}
		if (!this.clock.instant().isBefore(visit.at().plus(this.settings.activeWindow()))) {
			return WeChatError.of(61010);
		}
		return null;
	}

	/**
	 * A trace id in the {@code 8-8-8} hex shape WeChat answers.
	 * @return the id
	 */
	static String traceId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return String.format("%08x-%08x-%08x", random.nextInt(), random.nextInt(), random.nextInt());
	}

}
