package io.miniauth.emulator.login;

import java.time.Duration;
import java.time.Instant;

import io.miniauth.emulator.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MinuteQuotaTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));

	@Test
	void tryAcquireWhenLimitReachedThenRefusedUntilWindowSlides() {
		MinuteQuota quota = new MinuteQuota(this.clock, 2);
		assertThat(quota.tryAcquire("wxa", "o1")).isTrue();
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(quota.tryAcquire("wxa", "o1")).isTrue();
		assertThat(quota.tryAcquire("wxa", "o1")).isFalse();
		assertThat(quota.tryAcquire("wxa", "o2")).isTrue();
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(quota.tryAcquire("wxa", "o1")).isTrue();
	}

	@Test
	void tryAcquireWhenUsersIdleForAWindowThenForgotten() {
		MinuteQuota quota = new MinuteQuota(this.clock, 2);
		quota.tryAcquire("wxa", "o1");
		quota.tryAcquire("wxa", "o2");
		assertThat(quota.trackedUsers()).isEqualTo(2);
		this.clock.advance(Duration.ofSeconds(30));
		quota.tryAcquire("wxa", "o2");
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(quota.tryAcquire("wxa", "o3")).isTrue();
		assertThat(quota.trackedUsers()).isEqualTo(2);
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(quota.tryAcquire("wxa", "o3")).isTrue();
		assertThat(quota.trackedUsers()).isEqualTo(1);
	}

	@Test
	void tryAcquireWhenLimitZeroThenAlwaysAllowed() {
		MinuteQuota quota = new MinuteQuota(this.clock, 0);
		for (int i = 0; i < 500; i++) {
			assertThat(quota.tryAcquire("wxa", "o1")).isTrue();
		}
	}

	@Test
	void constructorWhenClockNullThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MinuteQuota(null, 1))
			.withMessage("clock cannot be null");
	}

}
