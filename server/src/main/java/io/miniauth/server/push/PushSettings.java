package io.miniauth.server.push;

import java.util.Optional;

import io.miniauth.server.app.DemoApp;
import io.miniauth.server.app.EmulatorMode;
import io.miniauth.server.config.MiniAuthProperties;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Each app's push Token and EncodingAESKey. In demo mode the demo app has documented demo
 * values, which the embedded emulator signs and encrypts its pushes with.
 */
@Component
public class PushSettings {

	/** The demo app's push Token in demo mode. */
	public static final String DEMO_TOKEN = "miniauth-demo-push-token";

	/** The demo app's EncodingAESKey in demo mode. */
	public static final String DEMO_ENCODING_AES_KEY = "miniauthDemoPushEncodingAesKey0123456789abc";

	private final PushProperties push;

	private final boolean demo;

	PushSettings(PushProperties push, MiniAuthProperties properties) {
		this.push = push;
		this.demo = properties.apps().isEmpty() && EmulatorMode.isOn(properties);
	}

	/**
	 * An app's settings.
	 * @param appid the app
	 * @return its settings, empty when it has no Token
	 */
	public Optional<PushProperties.App> of(String appid) {
		PushProperties.App configured = this.push.apps().get(appid);
		if (configured != null && StringUtils.hasText(configured.token())) {
			return Optional.of(configured);
		}
		if (this.demo && DemoApp.APP.appid().equals(appid)) {
			return Optional.of(new PushProperties.App(DEMO_TOKEN, DEMO_ENCODING_AES_KEY));
		}
		return Optional.empty();
	}

}
