package io.miniauth.spring.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentWebhookIdsTests {

	private final Instant now = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void handledWhenRememberedThenTrueForThatIdOnly() {
		RecentWebhookIds ids = new RecentWebhookIds(10, Duration.ofHours(1), Clock.fixed(this.now, ZoneOffset.UTC));
		ids.remember("e1");

		assertThat(ids.handled("e1")).isTrue();
		assertThat(ids.handled("e2")).isFalse();
	}

	@Test
	void handledWhenWindowPassedThenForgotten() {
		MovingClock clock = new MovingClock(this.now);
		RecentWebhookIds ids = new RecentWebhookIds(10, Duration.ofHours(1), clock);
		ids.remember("e1");
		clock.now = this.now.plus(Duration.ofMinutes(59));
		ids.remember("e2");

		clock.now = this.now.plus(Duration.ofMinutes(61));

		assertThat(ids.handled("e1")).isFalse();
		assertThat(ids.handled("e2")).isTrue();
		assertThat(ids.size()).isEqualTo(1);
	}

	@Test
	void rememberWhenFullThenOldestForgotten() {
		MovingClock clock = new MovingClock(this.now);
		RecentWebhookIds ids = new RecentWebhookIds(2, Duration.ofHours(1), clock);
		ids.remember("e1");
		ids.remember("e2");
		ids.remember("e3");

		assertThat(ids.size()).isEqualTo(2);
		assertThat(ids.handled("e1")).isFalse();
		assertThat(ids.handled("e2")).isTrue();
		assertThat(ids.handled("e3")).isTrue();
	}

	private static final class MovingClock extends Clock {

		Instant now;

		MovingClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
