package io.miniauth.server.app;

import org.springframework.util.Assert;

/**
 * A mini program this service logs users in for.
 *
 * @param appid its appid
 * @param secret its app secret, sent to WeChat and nowhere else
 * @param openPlatform the open-platform account it is bound to, or {@code null}
 */
public record MiniApp(String appid, String secret, String openPlatform) {

	public MiniApp {
		Assert.hasText(appid, "appid cannot be empty");
		Assert.hasText(secret, "secret cannot be empty");
	}

	@Override
	public String toString() {
		return "MiniApp[appid=" + this.appid + "]";
	}

}
