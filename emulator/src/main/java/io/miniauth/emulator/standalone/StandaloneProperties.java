package io.miniauth.emulator.standalone;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The apps a standalone emulator answers for: {@code emulator.apps[i].appid},
 * {@code .secret} and (optionally) {@code .open-platform}. With none configured it
 * answers for one demo app.
 *
 * @param apps the apps
 */
@ConfigurationProperties("emulator")
record StandaloneProperties(@DefaultValue List<App> apps) {

	static final App DEMO_APP = new App("wxminiauthdemo0001", "miniauth-demo-secret", "miniauth-demo");

	List<App> appsOrDemo() {
		return this.apps.isEmpty() ? List.of(DEMO_APP) : this.apps;
	}

	/**
	 * One app.
	 *
	 * @param appid the appid
	 * @param secret the app secret
	 * @param openPlatform the open-platform account the app is bound to, if any
	 */
	record App(String appid, String secret, String openPlatform) {

		@Override
		public String toString() {
			return "App[appid=" + this.appid + ", openPlatform=" + this.openPlatform + "]";
		}

	}

}
