package io.miniauth.server.app;

/**
 * The app served when nothing is configured. Only the built-in emulator knows it, so it
 * can never log anyone in through the real WeChat.
 */
public final class DemoApp {

	/** The demo app, bound to a demo open-platform account so that unionids show up. */
	public static final MiniApp APP = new MiniApp("wxminiauthdemo0001", "miniauth-demo-secret", "miniauth-demo");

	private DemoApp() {
	}

}
