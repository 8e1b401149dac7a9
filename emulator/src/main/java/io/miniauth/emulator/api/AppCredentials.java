package io.miniauth.emulator.api;

import io.miniauth.emulator.app.EmulatedApp;
import io.miniauth.emulator.app.EmulatedApps;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Checks the app credentials that WeChat's secret-bearing endpoints take
 * ({@code jscode2session}, {@code cgi-bin/token}, {@code stable_token}), with WeChat's
 * errcodes: 41002 and 41004 for a missing appid or secret, 40002 for a wrong grant_type,
 * 40013 for an unknown appid, 40125 for a wrong secret.
 */
public final class AppCredentials {

	private final EmulatedApps apps;

	public AppCredentials(EmulatedApps apps) {
		Assert.notNull(apps, "apps cannot be null");
		this.apps = apps;
	}

	/**
	 * @param appid the appid sent
	 * @param secret the secret sent
	 * @param grantType the grant_type sent
	 * @param expectedGrantType the grant_type this endpoint takes
	 * @return WeChat's error, or {@code null} when the credentials are good
	 */
	public WeChatError check(String appid, String secret, String grantType, String expectedGrantType) {
		if (!StringUtils.hasText(appid)) {
			return WeChatError.of(41002);
		}
		if (!StringUtils.hasText(secret)) {
			return WeChatError.of(41004);
		}
		if (!expectedGrantType.equals(grantType)) {
			return WeChatError.of(40002);
		}
		EmulatedApp app = this.apps.find(appid).orElse(null);
		if (app == null) {
			return WeChatError.of(40013);
		}
		return app.secret().equals(secret) ? null : WeChatError.of(40125);
	}

}
