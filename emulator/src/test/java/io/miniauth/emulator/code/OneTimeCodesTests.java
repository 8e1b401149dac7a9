package io.miniauth.emulator.code;

import java.time.Duration;
import java.time.Instant;

import io.miniauth.emulator.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OneTimeCodesTests {

	private static final Duration TTL = Duration.ofMinutes(5);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));

	private final OneTimeCodes<String> codes = new OneTimeCodes<>(this.clock, TTL);

	@Test
	void liveWhenJustUnderTtlThenLiveAndWhenExactlyTtlThenExpired() {
		this.codes.issue("c1", "alice");
		this.clock.advance(TTL.minusMillis(1));
		assertThat(this.codes.live("c1"))
			.hasValueSatisfying((issued) -> assertThat(issued.details()).isEqualTo("alice"));
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.codes.live("c1")).isEmpty();
		assertThat(this.codes.find("c1")).isPresent();
	}

	@Test
	void spendWhenCalledTwiceThenOnlyFirstSucceeds() {
		this.codes.issue("c1", "alice");
		OneTimeCodes.Issued<String> issued = this.codes.live("c1").orElseThrow();
		assertThat(issued.spend()).isTrue();
		assertThat(issued.spend()).isFalse();
		assertThat(this.codes.live("c1").orElseThrow().spend()).isFalse();
	}

	@Test
	void findWhenCodeUnknownOrNullThenEmpty() {
		assertThat(this.codes.find("nope")).isEmpty();
		assertThat(this.codes.find(null)).isEmpty();
		assertThat(this.codes.live(null)).isEmpty();
	}

	@Test
	void issueWhenCodesOlderThanTwiceTtlThenForgotten() {
		this.codes.issue("old", "alice");
		this.clock.advance(TTL.multipliedBy(2).plusSeconds(1));
		this.codes.issue("new", "bob");
		assertThat(this.codes.find("old")).isEmpty();
		assertThat(this.codes.find("new")).isPresent();
	}

	@Test
	void issueWhenCodeWithinTwiceTtlThenRemembered() {
		this.codes.issue("recent", "alice");
		this.clock.advance(TTL.multipliedBy(2));
		this.codes.issue("new", "bob");
		assertThat(this.codes.find("recent")).isPresent();
	}

	@Test
	void constructorWhenArgumentsInvalidThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OneTimeCodes<String>(null, TTL))
			.withMessage("clock cannot be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new OneTimeCodes<String>(this.clock, Duration.ZERO))
			.withMessage("ttl must be positive");
	}

}
