package io.miniauth.emulator.api;

import io.miniauth.emulator.app.EmulatedApp;
import io.miniauth.emulator.app.EmulatedApps;

import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Picks the app a control request names, or the default app when it names none.
 */
public final class EmulatedAppResolver {

	private final EmulatedApps apps;

	public EmulatedAppResolver(EmulatedApps apps) {
		Assert.notNull(apps, "apps cannot be null");
		this.apps = apps;
	}

	public EmulatedApp resolve(String appid) {
		if (!StringUtils.hasText(appid)) {
			return this.apps.defaultApp();
		}
		return this.apps.find(appid)
			.orElseThrow(() -> new EmulatorControlException(HttpStatus.BAD_REQUEST, "UNKNOWN_APP",
					"The emulator has no app " + appid));
	}

}
