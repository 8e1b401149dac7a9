package io.miniauth.emulator.standalone;

import io.miniauth.emulator.app.EmulatedApp;
import io.miniauth.emulator.app.EmulatedApps;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = { "emulator.apps[0].appid=wxconfigured00001", "emulator.apps[0].secret=s1",
		"emulator.apps[0].open-platform=op", "emulator.apps[1].appid=wxconfigured00002", "emulator.apps[1].secret=s2" })
class StandalonePropertiesTests {

	@Autowired
	private EmulatedApps apps;

	@Test
	void emulatedAppsWhenAppsConfiguredThenThoseAppsInsteadOfDemo() {
		assertThat(this.apps.all()).containsExactly(new EmulatedApp("wxconfigured00001", "s1", "op"),
				new EmulatedApp("wxconfigured00002", "s2", null));
	}

}
