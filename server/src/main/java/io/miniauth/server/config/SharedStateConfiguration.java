package io.miniauth.server.config;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * Says at start where the shared state lives, so that an operator sees whether several
 * instances of this configuration may run side by side.
 */
@Configuration(proxyBeanMethods = false)
class SharedStateConfiguration {

	private static final Log logger = LogFactory.getLog(SharedStateConfiguration.class);

	private final Environment environment;

	SharedStateConfiguration(Environment environment) {
		this.environment = environment;
	}

	@EventListener(ApplicationStartedEvent.class)
	void report() {
		if (SharedState.inRedis(this.environment)) {
			logger.info("Shared state (WeChat access tokens, repeated login codes, rate limits) is in Redis: "
					+ "several instances may run side by side");
		}
		else {
			logger.info("Running as a single instance: WeChat access tokens, repeated login codes and rate limits "
					+ "are kept in memory. Set spring.data.redis.host to run several instances");
		}
	}

}
