package io.miniauth.emulator.token;

import java.time.Duration;
import java.time.Instant;

import io.miniauth.emulator.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AccessTokensTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T23:40:00Z"));

	private final AccessTokens tokens = new AccessTokens(this.clock);

	@Test
	void checkWhenTokenIssuedThenValidForItsApp() {
		String token = this.tokens.issue("wxa").accessToken();
		assertThat(this.tokens.check(token)).isEqualTo(new TokenCheck.Valid("wxa"));
	}

	@Test
	void stableWhenForceQuotaSpentThenResetsNextDay() {
		for (int i = 0; i < AccessTokens.FORCE_PER_DAY; i++) {
			assertThat(this.tokens.stable("wxa", true)).isInstanceOf(AccessTokens.StableGrant.Granted.class);
			this.clock.advance(AccessTokens.FORCE_INTERVAL);
		}
		assertThat(this.clock.instant()).isBefore(Instant.parse("2026-01-06T00:00:00Z"));
		assertThat(this.tokens.stable("wxa", true)).isInstanceOf(AccessTokens.StableGrant.QuotaReached.class);
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.tokens.stable("wxa", true)).isInstanceOf(AccessTokens.StableGrant.Granted.class);
	}

	@Test
	void stableWhenForcedTwentyOneTimesSameDayThenQuotaReached() {
		MutableClock morning = new MutableClock(Instant.parse("2026-01-05T01:00:00Z"));
		AccessTokens tokens = new AccessTokens(morning);
		for (int i = 0; i < AccessTokens.FORCE_PER_DAY; i++) {
			assertThat(tokens.stable("wxa", true)).isInstanceOf(AccessTokens.StableGrant.Granted.class);
			morning.advance(AccessTokens.FORCE_INTERVAL);
		}
		assertThat(tokens.stable("wxa", true)).isInstanceOf(AccessTokens.StableGrant.QuotaReached.class);
		assertThat(tokens.stable("wxb", true)).isInstanceOf(AccessTokens.StableGrant.Granted.class);
	}

	@Test
	void constructorWhenClockNullThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AccessTokens(null))
			.withMessage("clock cannot be null");
	}

}
