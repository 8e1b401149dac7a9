package io.miniauth.server.emulator;

import io.miniauth.emulator.EmulatorConfiguration;
import io.miniauth.emulator.app.EmulatedApp;
import io.miniauth.emulator.app.EmulatedApps;
import io.miniauth.emulator.push.PushTarget;
import io.miniauth.emulator.push.PushTargets;
import io.miniauth.server.app.MiniApps;
import io.miniauth.server.push.PushSettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

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

	/**
	 * The emulator's pushes go to this service's own push endpoint, signed and (with an
	 * EncodingAESKey) encrypted with the app's push settings.
	 */
	@Bean
	PushTargets emulatorPushTargets(PushSettings settings, Environment environment) {
		return (appid) -> settings.of(appid)
			.map((push) -> new PushTarget("http://127.0.0.1:" + environment.getProperty("local.server.port", "8080")
					+ "/wechat/push/" + appid, push.token(), push.encodingAesKey(), push.encodingAesKey() != null,
					false));
	}

}
