package io.miniauth.server.wechat;

import java.util.Optional;

/**
 * Where WeChat access tokens are kept between calls: in memory for one instance, or in a
 * shared store so that several instances use one token.
 */
public interface AccessTokenStore {

	Optional<WeChatAccessToken> get(String appid);

	void put(String appid, WeChatAccessToken token);

}
