package io.miniauth.server.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The mini programs this service serves, looked up by appid.
 */
public final class MiniApps {

	private final Map<String, MiniApp> byAppid = new LinkedHashMap<>();

	public MiniApps(List<MiniApp> apps) {
		Assert.notEmpty(apps, "apps cannot be empty");
		for (MiniApp app : apps) {
			if (this.byAppid.put(app.appid(), app) != null) {
				throw new IllegalArgumentException("appid " + app.appid() + " is configured twice");
			}
		}
	}

	/**
	 * The app a login request names; with one app configured the name may be left out.
	 * @param appid the requested appid, or {@code null}
	 * @return the app
	 * @throws UnknownAppException when no such app is configured
	 * @throws AppidRequiredException when several apps are configured and none is named
	 */
	public MiniApp resolve(String appid) {
		if (!StringUtils.hasText(appid)) {
			if (this.byAppid.size() > 1) {
				throw new AppidRequiredException();
			}
			return this.byAppid.values().iterator().next();
		}
		MiniApp app = this.byAppid.get(appid);
		if (app == null) {
			throw new UnknownAppException(appid);
		}
		return app;
	}

	public boolean contains(String appid) {
		return this.byAppid.containsKey(appid);
	}

	public List<MiniApp> all() {
		return List.copyOf(this.byAppid.values());
	}

}
