package io.miniauth.server.wechat;

import java.time.Duration;
import java.util.Optional;

/**
 * Where WeChat access tokens are kept between calls: in memory for one instance, or in a
 * shared store so that several instances use one token.
 */
public interface AccessTokenStore {

	Optional<WeChatAccessToken> get(String appid);

	void put(String appid, WeChatAccessToken token);

	/**
	 * Takes the right to renew an app's token, so that of several instances only one asks
	 * WeChat. A store used by one instance alone always grants it.
	 * @param appid the app
	 * @param ttl when the right lapses if it is not given back
	 * @return whether this caller may renew now
	 */
	default boolean tryLock(String appid, Duration ttl) {
		return true;
	}

	/**
	 * Gives back the right taken by {@link #tryLock(String, Duration)}.
	 * @param appid the app
	 */
	default void unlock(String appid) {
	}

}
