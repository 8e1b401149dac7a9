package io.miniauth.server.wechat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens kept in this instance's memory.
 */
public final class InMemoryAccessTokenStore implements AccessTokenStore {

	private final Map<String, WeChatAccessToken> tokens = new ConcurrentHashMap<>();

	@Override
	public Optional<WeChatAccessToken> get(String appid) {
		return Optional.ofNullable(this.tokens.get(appid));
	}

	@Override
	public void put(String appid, WeChatAccessToken token) {
		this.tokens.put(appid, token);
	}

}
