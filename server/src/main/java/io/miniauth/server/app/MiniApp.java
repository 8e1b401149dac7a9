package io.miniauth.server.app;

import io.miniauth.server.config.MiniAuthProperties.LinkByPhone;

import org.springframework.util.Assert;

/**
 * A mini program this service logs users in for.
 *
 * @param appid its appid
 * @param secret its app secret, sent to WeChat and nowhere else
 * @param openPlatform the open-platform account it is bound to, or {@code null}
 * @param linkByPhone which other apps' users with the same phone are the same person
 * @param phoneRebind whether a phone bound to another user of this app may move
 * @param contentSecurity whether profile writes are checked with WeChat
 */
public record MiniApp(String appid, String secret, String openPlatform, LinkByPhone linkByPhone, boolean phoneRebind,
		boolean contentSecurity) {

	public MiniApp {
		Assert.hasText(appid, "appid cannot be empty");
		Assert.hasText(secret, "secret cannot be empty");
		Assert.notNull(linkByPhone, "linkByPhone cannot be null");
	}

	/**
	 * An app with the defaults: no linking by phone, no re-binding, content checked.
	 * @param appid its appid
	 * @param secret its app secret
	 * @param openPlatform its open-platform account, or {@code null}
	 */
	public MiniApp(String appid, String secret, String openPlatform) {
		this(appid, secret, openPlatform, LinkByPhone.NONE, false, true);
	}

	/**
	 * Whether this app and another are bound to the same open-platform account.
	 * @param other the other app
	 * @return {@code true} when both name the same account
	 */
	public boolean sharesOpenPlatformWith(MiniApp other) {
		return this.openPlatform != null && !this.openPlatform.isBlank()
				&& this.openPlatform.equals(other.openPlatform());
	}

	@Override
	public String toString() {
		return "MiniApp[appid=" + this.appid + "]";
	}

}
