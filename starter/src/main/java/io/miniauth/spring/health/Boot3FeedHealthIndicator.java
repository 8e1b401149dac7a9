package io.miniauth.spring.health;

import io.miniauth.spring.revocation.RevocationFeed;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The revocation feed's health on Spring Boot 3: {@code DOWN} while it is stale (tokens
 * then verify locally only; see {@link RevocationFeed}).
 */
class Boot3FeedHealthIndicator extends AbstractHealthIndicator {

	private final RevocationFeed feed;

	Boot3FeedHealthIndicator(RevocationFeed feed) {
		this.feed = feed;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		(this.feed.isStale() ? builder.down() : builder.up()).withDetails(FeedHealth.details(this.feed));
	}

}
