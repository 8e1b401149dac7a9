package io.miniauth.server.user;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A user's WeChat session keys, read together. The current key is opened when read; the
 * previous one (from before the user's latest login) only when asked for, since it is
 * needed only for data that does not decrypt under the current one.
 */
public final class SessionKeys {

	private final String appid;

	private final String openid;

	private final String current;

	private final Supplier<String> previous;

	SessionKeys(String appid, String openid, String current, Supplier<String> previous) {
		this.appid = appid;
		this.openid = openid;
		this.current = current;
		this.previous = previous;
	}

	/**
	 * The user's app.
	 * @return the appid
	 */
	public String appid() {
		return this.appid;
	}

	/**
	 * The user's openid in that app.
	 * @return the openid
	 */
	public String openid() {
		return this.openid;
	}

	/**
	 * The current session_key.
	 * @return the key, empty when the user has none
	 */
	public Optional<String> current() {
		return Optional.ofNullable(this.current);
	}

	/**
	 * The session_key from before the user's latest login, opened now.
	 * @return the key, empty when there is none
	 */
	public Optional<String> previous() {
		return Optional.ofNullable(this.previous.get());
	}

	@Override
	public String toString() {
		return "SessionKeys[appid=" + this.appid + ", openid=" + this.openid + ", current=******, previous=******]";
	}

}
