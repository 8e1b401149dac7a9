package io.miniauth.server.emulator;

import io.miniauth.emulator.EmulatorConfiguration;
import io.miniauth.emulator.app.EmulatedApp;
import io.miniauth.emulator.app.EmulatedApps;
import io.miniauth.server.app.MiniApps;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Mounts the WeChat emulator under {@code /emulator}, answering for the apps this service
 * serves, when the emulator is on.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmulatorOnCondition.class)
@Import(EmulatorConfiguration.class)
class EmbeddedEmulatorConfiguration {

	private static final Log logger = LogFactory.getLog(EmbeddedEmulatorConfiguration.class);

	@Bean
	EmulatedApps emulatedApps(MiniApps apps) {
		logger.warn("The WeChat emulator is ON under /emulator: logins are not checked by the real WeChat. "
				+ "Never run like this in production (configure miniauth.apps, or set miniauth.emulator.enabled=false).");
		return EmulatedApps.of(apps.all()
			.stream()
			.map((app) -> new EmulatedApp(app.appid(), app.secret(), app.openPlatform()))
			.toList());
	}

}
