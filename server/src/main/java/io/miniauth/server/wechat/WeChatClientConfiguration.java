package io.miniauth.server.wechat;

import java.net.http.HttpClient;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.miniauth.server.app.EmulatorMode;
import io.miniauth.server.app.MiniApps;
import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.config.SharedState;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeChat client: explicit timeouts, and a base URL that points at the real WeChat, a
 * configured host, or the embedded emulator.
 */
@Configuration(proxyBeanMethods = false)
class WeChatClientConfiguration {

	@Bean
	WeChatBaseUrl weChatBaseUrl(MiniAuthProperties properties, Environment environment) {
		if (properties.wechat().baseUrl() != null) {
			return WeChatBaseUrl.fixed(properties.wechat().baseUrl());
		}
		if (EmulatorMode.isOn(properties)) {
			return WeChatBaseUrl.embeddedEmulator(environment.getProperty("server.servlet.context-path", ""));
		}
		return WeChatBaseUrl.fixed(WeChatBaseUrl.WECHAT);
	}

	@Bean
	AccessTokenStore accessTokenStore(Environment environment, ObjectProvider<StringRedisTemplate> redis, Clock clock) {
		if (SharedState.inRedis(environment)) {
			return new RedisAccessTokenStore(redis.getObject(), clock);
		}
		return new InMemoryAccessTokenStore();
	}

	@Bean
	WeChatAccessTokens weChatAccessTokens(AccessTokenStore store, Clock clock) {
		return new WeChatAccessTokens(store, clock);
	}

	@Bean
	WeChatCircuitBreakers weChatCircuitBreakers(MiniAuthProperties properties, Clock clock) {
		return new WeChatCircuitBreakers(properties.wechat().circuitBreakerMinimumCalls(),
				properties.wechat().circuitBreakerOpenFor(), clock);
	}

	@Bean
	WeChatHealthIndicator wechatHealthIndicator(MiniApps apps, WeChatCircuitBreakers breakers) {
		return new WeChatHealthIndicator(apps, breakers);
	}

	@Bean
	WeChatTimeouts weChatTimeouts(MiniAuthProperties properties) {
		return WeChatTimeouts.of(properties.wechat());
	}

	@Bean
	WeChatClient weChatClient(WeChatTimeouts timeouts, WeChatBaseUrl baseUrl, JsonMapper jsonMapper,
			WeChatAccessTokens accessTokens, WeChatCircuitBreakers breakers, MeterRegistry meters, Clock clock) {
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(timeouts.connect())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(timeouts.read());
		RestClient restClient = RestClient.builder().requestFactory(requestFactory).build();
		return new RestWeChatClient(restClient, baseUrl, jsonMapper, timeouts.retryPause(), accessTokens, clock,
				breakers, meters);
	}

}
