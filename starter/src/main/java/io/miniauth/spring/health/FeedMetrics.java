package io.miniauth.spring.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.miniauth.spring.revocation.RevocationFeed;

/**
 * {@code miniauth.client.revocation.feed.age}: how many seconds ago the revocation feed
 * was last read successfully. Alert when it grows past a few seconds.
 */
class FeedMetrics implements MeterBinder {

	private final RevocationFeed feed;

	FeedMetrics(RevocationFeed feed) {
		this.feed = feed;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("miniauth.client.revocation.feed.age", this.feed, (feed) -> feed.age().toMillis() / 1000.0)
			.baseUnit("seconds")
			.description("Seconds since MiniAuth's revocation feed was last read")
			.register(registry);
	}

}
