package io.miniauth.server.login;

import java.time.Clock;
import java.time.Duration;

import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.config.SharedState;
import io.miniauth.server.wechat.WeChatTimeouts;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Where repeated login codes are remembered: in Redis when it is configured, otherwise in
 * memory.
 */
@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

	@Bean
	RepeatedCodes repeatedCodes(MiniAuthProperties properties, WeChatTimeouts weChat, Clock clock,
			Environment environment, ObjectProvider<StringRedisTemplate> redis, JsonMapper json) {
		Duration window = properties.login().idempotencyWindow();
		// a repeat waits as long as the first login may take, and no longer
		Duration longestLogin = weChat.longestLogin();
		if (SharedState.inRedis(environment)) {
			return new RedisRepeatedCodes(redis.getObject(), json, window, longestLogin);
		}
		return new InMemoryRepeatedCodes(window, longestLogin, clock);
	}

}
