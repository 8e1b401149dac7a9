package io.miniauth.emulator.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import io.miniauth.emulator.app.EmulatedApp;

/**
 * Derives a person's WeChat identifiers from the handle a test or a developer gives them.
 * As in WeChat, the same person has one {@code openid} per app (different across apps)
 * and one {@code unionid} per open-platform account. The identifiers have WeChat's shape:
 * 28 characters of the base64url alphabet, starting with {@code o}.
 */
public final class WeChatIdentities {

	private static final int ID_LENGTH = 28;

	public String openid(EmulatedApp app, String user) {
		return derive("openid", app.appid(), user);
	}

	/**
	 * The person's unionid, or {@code null} when the app is not bound to an open-platform
	 * account (WeChat then sends none).
	 * @param app the app the person uses
	 * @param user the person's handle
	 * @return the unionid or {@code null}
	 */
	public String unionid(EmulatedApp app, String user) {
		return app.boundToOpenPlatform() ? derive("unionid", app.openPlatform(), user) : null;
	}

	private static String derive(String kind, String scope, String user) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((kind + '\n' + scope + '\n' + user).getBytes(StandardCharsets.UTF_8));
			return "o" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, ID_LENGTH - 1);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
