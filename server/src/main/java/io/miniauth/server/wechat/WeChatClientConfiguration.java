package io.miniauth.server.wechat;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.miniauth.server.app.EmulatorMode;
import io.miniauth.server.app.MiniApps;
import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.config.SharedState;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeChat client: explicit timeouts, and a base URL that points at the real WeChat, a
 * configured host, or the embedded emulator.
 */
@Configuration(proxyBeanMethods = false)
class WeChatClientConfiguration {

	/** Connections kept to WeChat: one host, so one route holds them all. */
	private static final int MAX_CONNECTIONS = 200;

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
		RestClient restClient = RestClient.builder()
			.requestFactory(new HttpComponentsClientHttpRequestFactory(pooledHttpClient(timeouts)))
			.build();
		return new RestWeChatClient(restClient, baseUrl, jsonMapper, timeouts.retryPause(), accessTokens, clock,
				breakers, meters);
	}

	/**
	 * A blocking client with a pool of kept-alive connections: every login makes one
	 * call, answered by the thread that asked, without the hand-offs between threads (and
	 * the thread started per response on a small machine) that the JDK's asynchronous
	 * client makes. No redirect is followed and nothing is retried here: the client
	 * retries itself, where a retry is safe.
	 */
	private static CloseableHttpClient pooledHttpClient(WeChatTimeouts timeouts) {
		ConnectionConfig connections = ConnectionConfig.custom()
			.setConnectTimeout(Timeout.of(timeouts.connect()))
			.setSocketTimeout(Timeout.of(timeouts.read()))
			.setValidateAfterInactivity(TimeValue.ofSeconds(2))
			.build();
		RequestConfig requests = RequestConfig.custom()
			.setResponseTimeout(Timeout.of(timeouts.read()))
			.setRedirectsEnabled(false)
			.build();
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDefaultConnectionConfig(connections)
				.setMaxConnTotal(MAX_CONNECTIONS)
				.setMaxConnPerRoute(MAX_CONNECTIONS)
				.build())
			.setDefaultRequestConfig(requests)
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.evictIdleConnections(TimeValue.of(30, TimeUnit.SECONDS))
			.build();
	}

}
