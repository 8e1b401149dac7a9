package io.miniauth.server.webhook;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry schedule: doubling waits with equal jitter, capped, {@code Retry-After}
 * honoured, and given up past the retry period.
 */
class RetryScheduleTests {

	private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

	@Test
	void backOffWhenAttemptsGrowThenDoublesUpToTheCap() {
		RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24),
				() -> 1.0);

		assertThat(schedule.backOff(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(schedule.backOff(2)).isEqualTo(Duration.ofSeconds(10));
		assertThat(schedule.backOff(3)).isEqualTo(Duration.ofSeconds(20));
		assertThat(schedule.backOff(10)).isEqualTo(Duration.ofMinutes(42).plusSeconds(40));
		assertThat(schedule.backOff(11)).isEqualTo(Duration.ofHours(1));
		assertThat(schedule.backOff(500)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void nextWhenJitteredThenBetweenHalfAndAllOfTheBackOff() {
		RetrySchedule lowest = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24),
				() -> 0.0);
		RetrySchedule highest = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24),
				() -> 0.999999);

		assertThat(lowest.next(3, T0, T0, null)).isEqualTo(T0.plusSeconds(10));
		assertThat(highest.next(3, T0, T0, null)).isBetween(T0.plusMillis(19_990), T0.plusSeconds(20));
	}

	@Test
	void nextWhenRetryAfterGivenThenWaitsExactlyThatLong() {
		RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24),
				() -> 0.5);

		assertThat(schedule.next(1, T0, T0, Duration.ofMinutes(7))).isEqualTo(T0.plus(Duration.ofMinutes(7)));
	}

	@Test
	void nextWhenPastTheRetryPeriodThenGivesUp() {
		RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24),
				() -> 0.0);
		Instant late = T0.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(45));

		assertThat(schedule.next(20, T0, late, null)).isNull();
		assertThat(schedule.next(1, T0, late, null)).isEqualTo(late.plusMillis(2500));
		assertThat(schedule.next(1, T0, late, Duration.ofHours(1))).isNull();
	}

}
