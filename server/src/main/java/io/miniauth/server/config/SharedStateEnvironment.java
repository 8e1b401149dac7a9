package io.miniauth.server.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Without Redis configured, turns off the Redis health check: Spring Boot would otherwise
 * check a Redis on localhost that nobody uses, and report the service DOWN. An explicit
 * {@code management.health.redis.enabled} still wins.
 */
public class SharedStateEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!SharedState.inRedis(environment)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("miniauthWithoutRedis",
						Map.of("management.health.redis.enabled", "false")));
		}
	}

}
