package io.miniauth.server.app;

import io.miniauth.emulator.app.EmulatedApp;

/**
 * The app served when nothing is configured. Only the built-in emulator knows it, so it
 * can never log anyone in through the real WeChat. It is the emulator's demo app, so that
 * a standalone emulator with no configuration answers for it too.
 */
public final class DemoApp {

	/** The demo app, bound to a demo open-platform account so that unionids show up. */
	public static final MiniApp APP = new MiniApp(EmulatedApp.DEMO.appid(), EmulatedApp.DEMO.secret(),
			EmulatedApp.DEMO.openPlatform());

	private DemoApp() {
	}

}
