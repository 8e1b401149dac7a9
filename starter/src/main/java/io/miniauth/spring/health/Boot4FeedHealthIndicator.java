package io.miniauth.spring.health;

import io.miniauth.spring.revocation.RevocationFeed;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The revocation feed's health on Spring Boot 4: {@code DOWN} while it is stale (tokens
 * then verify locally only; see {@link RevocationFeed}).
 */
class Boot4FeedHealthIndicator extends AbstractHealthIndicator {

	private final RevocationFeed feed;

	Boot4FeedHealthIndicator(RevocationFeed feed) {
		this.feed = feed;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		(this.feed.isStale() ? builder.down() : builder.up()).withDetails(FeedHealth.details(this.feed));
	}

}
