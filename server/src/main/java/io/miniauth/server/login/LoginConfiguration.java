package io.miniauth.server.login;

import java.time.Clock;

import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.config.SharedState;
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
	RepeatedCodes repeatedCodes(MiniAuthProperties properties, Clock clock, Environment environment,
			ObjectProvider<StringRedisTemplate> redis, JsonMapper json) {
		if (SharedState.inRedis(environment)) {
			// a login is one code2Session call, retried once
			return new RedisRepeatedCodes(redis.getObject(), json, properties.login().idempotencyWindow(),
					properties.wechat().readTimeout().multipliedBy(2));
		}
		return new InMemoryRepeatedCodes(properties, clock);
	}

}
