package io.miniauth.server.app;

import java.util.List;

import io.miniauth.server.config.MiniAuthProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The configured mini programs, or the demo app when none is configured and the emulator
 * answers for it.
 */
@Configuration(proxyBeanMethods = false)
class AppsConfiguration {

	@Bean
	MiniApps miniApps(MiniAuthProperties properties) {
		if (properties.apps().isEmpty()) {
			if (!EmulatorMode.isOn(properties)) {
				throw new IllegalStateException(
						"No app is configured: set miniauth.apps[0].appid and miniauth.apps[0].secret, or switch on the emulator");
			}
			return new MiniApps(List.of(DemoApp.APP));
		}
		return new MiniApps(properties.apps()
			.stream()
			.map((app) -> new MiniApp(app.appid(), app.secret(), app.openPlatform(), app.linkByPhone(),
					app.phoneRebind(), app.contentSecurity().enabled()))
			.toList());
	}

}
