package io.miniauth.emulator.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.miniauth.emulator.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SessionKeysTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));

	@Test
	void rotateOnLoginWhenNoMinimumPeriodThenEveryLoginRotates() {
		SessionKeys keys = new SessionKeys(this.clock, Duration.ZERO);
		String first = keys.rotateOnLogin("app", "o1");
		assertThat(keys.rotateOnLogin("app", "o1")).isNotEqualTo(first);
	}

	@Test
	void rotateOnLoginWhenKeyYoungerThanMinimumPeriodThenKeyKept() {
		SessionKeys keys = new SessionKeys(this.clock, Duration.ofMinutes(10));
		String first = keys.rotateOnLogin("app", "o1");
		this.clock.advance(Duration.ofMinutes(9));
		assertThat(keys.rotateOnLogin("app", "o1")).isEqualTo(first);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(keys.rotateOnLogin("app", "o1")).isNotEqualTo(first);
	}

	@Test
	void resetWhenKeyYoungThenRotatesAnyway() {
		SessionKeys keys = new SessionKeys(this.clock, Duration.ofMinutes(10));
		String first = keys.rotateOnLogin("app", "o1");
		String reset = keys.reset("app", "o1");
		assertThat(reset).isNotEqualTo(first).hasSize(24);
		assertThat(keys.current("app", "o1")).hasValue(reset);
	}

	@Test
	void constructorWhenClockNullThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SessionKeys(null, Duration.ZERO))
			.withMessage("clock cannot be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new SessionKeys(Clock.systemUTC(), null))
			.withMessage("minRotationPeriod cannot be null");
	}

}
