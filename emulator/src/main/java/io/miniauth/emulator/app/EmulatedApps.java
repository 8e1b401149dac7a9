package io.miniauth.emulator.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.util.Assert;

/**
 * The mini programs the emulator answers for. The first one is the default, used when a
 * control request names no app.
 */
public final class EmulatedApps {

	private final Map<String, EmulatedApp> byAppid = new LinkedHashMap<>();

	private EmulatedApps(List<EmulatedApp> apps) {
		Assert.notEmpty(apps, "apps cannot be empty");
		for (EmulatedApp app : apps) {
			Assert.isNull(this.byAppid.put(app.appid(), app), () -> "duplicate appid " + app.appid());
		}
	}

	public static EmulatedApps of(List<EmulatedApp> apps) {
		return new EmulatedApps(apps);
	}

	public Optional<EmulatedApp> find(String appid) {
		return Optional.ofNullable(this.byAppid.get(appid));
	}

	public EmulatedApp defaultApp() {
		return this.byAppid.values().iterator().next();
	}

	public List<EmulatedApp> all() {
		return List.copyOf(this.byAppid.values());
	}

}
