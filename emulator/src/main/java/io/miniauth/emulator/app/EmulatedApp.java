package io.miniauth.emulator.app;

import org.springframework.util.Assert;

/**
 * A mini program known to the emulator, as WeChat knows it: an appid, its secret and,
 * optionally, the open-platform account it is bound to (which makes WeChat send a
 * {@code unionid}).
 *
 * @param appid the mini program's appid
 * @param secret the app secret that {@code jscode2session} and the token endpoints check
 * @param openPlatform the open-platform account this app is bound to, or {@code null}
 */
public record EmulatedApp(String appid, String secret, String openPlatform) {

	/**
	 * The demo app: the one a standalone emulator answers for when none is configured,
	 * and the one MiniAuth serves in demo mode. Logging in to the demo needs both to
	 * agree, so it is written down here only.
	 */
	public static final EmulatedApp DEMO = new EmulatedApp("wxminiauthdemo0001", "miniauth-demo-secret",
			"miniauth-demo");

	public EmulatedApp {
		Assert.hasText(appid, "appid cannot be empty");
		Assert.hasText(secret, "secret cannot be empty");
	}

	/**
	 * Whether WeChat reports a {@code unionid} for this app's users.
	 * @return {@code true} when the app is bound to an open-platform account
	 */
	public boolean boundToOpenPlatform() {
		return this.openPlatform != null && !this.openPlatform.isBlank();
	}

	@Override
	public String toString() {
		return "EmulatedApp[appid=" + this.appid + ", openPlatform=" + this.openPlatform + "]";
	}

}
