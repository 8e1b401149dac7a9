package io.miniauth.emulator.user;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each user's current {@code session_key}: Base64 of 16 random bytes, one valid key per
 * (appid, openid) at any moment. WeChat gives a user a new key when a login code is
 * issued; the emulator does the same on every code it mints.
 */
public final class SessionKeys {

	private static final int KEY_BYTES = 16;

	private final Map<Subject, String> current = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	/**
	 * Replaces the user's key with a fresh one.
	 * @param appid the app
	 * @param openid the user
	 * @return the new key
	 */
	public String rotate(String appid, String openid) {
		String key = newKey();
		this.current.put(new Subject(appid, openid), key);
		return key;
	}

	public Optional<String> current(String appid, String openid) {
		return Optional.ofNullable(this.current.get(new Subject(appid, openid)));
	}

	private String newKey() {
		byte[] bytes = new byte[KEY_BYTES];
		this.random.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	private record Subject(String appid, String openid) {
	}

}
