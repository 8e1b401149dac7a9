package io.miniauth.server.app;

import io.miniauth.server.config.MiniAuthProperties;

/**
 * Whether the built-in WeChat emulator is on: as configured by
 * {@code miniauth.emulator.enabled}, otherwise exactly when no app is configured (the
 * demo mode a newcomer starts in).
 */
public final class EmulatorMode {

	private EmulatorMode() {
	}

	public static boolean isOn(MiniAuthProperties properties) {
		Boolean enabled = properties.emulator().enabled();
		return (enabled != null) ? enabled : properties.apps().isEmpty();
	}

}
