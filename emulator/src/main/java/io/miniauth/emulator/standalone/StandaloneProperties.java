package io.miniauth.emulator.standalone;

import java.util.List;

import io.miniauth.emulator.app.EmulatedApp;

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
record StandaloneProperties(@DefaultValue List<EmulatedApp> apps) {

	static final EmulatedApp DEMO_APP = EmulatedApp.DEMO;

	List<EmulatedApp> appsOrDemo() {
		return this.apps.isEmpty() ? List.of(DEMO_APP) : this.apps;
	}

}
