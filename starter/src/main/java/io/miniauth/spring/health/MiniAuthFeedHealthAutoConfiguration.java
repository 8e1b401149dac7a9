package io.miniauth.spring.health;

import io.miniauth.spring.autoconfigure.MiniAuthClientAutoConfiguration;
import io.miniauth.spring.revocation.RevocationFeed;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health component {@code miniAuthRevocationFeed}, on Spring Boot 3 or 4, and the
 * gauge {@code miniauth.client.revocation.feed.age} (seconds since the feed was last
 * read).
 */
@AutoConfiguration(after = MiniAuthClientAutoConfiguration.class)
@ConditionalOnBean(RevocationFeed.class)
public class MiniAuthFeedHealthAutoConfiguration {

	// nested, so that a backend without Micrometer never loads a class that names it
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
	static class Metrics {

		@Bean
		FeedMetrics miniAuthRevocationFeedMetrics(RevocationFeed feed) {
			return new FeedMetrics(feed);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.health.AbstractHealthIndicator")
	static class Boot3 {

		@Bean
		Boot3FeedHealthIndicator miniAuthRevocationFeedHealthIndicator(RevocationFeed feed) {
			return new Boot3FeedHealthIndicator(feed);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
	@ConditionalOnMissingClass("org.springframework.boot.actuate.health.AbstractHealthIndicator")
	static class Boot4 {

		@Bean
		Boot4FeedHealthIndicator miniAuthRevocationFeedHealthIndicator(RevocationFeed feed) {
			return new Boot4FeedHealthIndicator(feed);
		}

	}

}
