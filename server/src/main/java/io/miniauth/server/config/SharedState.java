package io.miniauth.server.config;

import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Where the state that instances must share lives (WeChat access tokens, repeated login
 * codes, rate-limit counters): in Redis when {@code spring.data.redis.host} or
 * {@code spring.data.redis.url} is set, otherwise in this instance's memory.
 */
public final class SharedState {

	private SharedState() {
	}

	/**
	 * Whether Redis is configured.
	 * @param environment the settings
	 * @return whether shared state lives in Redis
	 */
	public static boolean inRedis(PropertyResolver environment) {
		return StringUtils.hasText(environment.getProperty("spring.data.redis.host"))
				|| StringUtils.hasText(environment.getProperty("spring.data.redis.url"));
	}

}
