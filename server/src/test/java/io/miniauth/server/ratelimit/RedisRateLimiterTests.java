package io.miniauth.server.ratelimit;

import java.util.UUID;

import io.miniauth.server.config.Budget;
import io.miniauth.server.support.EmbeddedRedis;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Budgets counted in a real Redis, spent by two instances (two limiters).
 */
class RedisRateLimiterTests {

	private final RedisRateLimiter a = new RedisRateLimiter(EmbeddedRedis.template());

	private final RedisRateLimiter b = new RedisRateLimiter(EmbeddedRedis.template());

	private final String client = "198.51.100." + UUID.randomUUID();

	@Test
	void consumeWhenBudgetSpentOverBothInstancesThenRefusedOnBothWithTheTimeLeft() {
		Budget budget = Budget.valueOf("3/1m");
		this.a.consume("login-ip", this.client, budget);
		this.b.consume("login-ip", this.client, budget);
		this.a.consume("login-ip", this.client, budget);

		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> this.b.consume("login-ip", this.client, budget))
			.satisfies((ex) -> assertThat(Long.parseLong(ex.headers().getFirst("Retry-After"))).isBetween(1L, 60L));
		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> this.a.consume("login-ip", this.client, budget));
	}

	@Test
	void consumeWhenDifferentKeysOrLimitsThenSeparateBudgets() {
		Budget budget = Budget.valueOf("1/1m");
		this.a.consume("login-ip", this.client, budget);

		assertThatNoException().isThrownBy(() -> this.b.consume("login-ip", this.client + "-other", budget));
		assertThatNoException().isThrownBy(() -> this.b.consume("phone-user", this.client, budget));
	}

	@Test
	void checkWhenBudgetUntouchedThenPassesAndTakesNothing() {
		Budget budget = Budget.valueOf("1/1m");

		this.a.check("app-code", this.client, budget);
		this.b.check("app-code", this.client, budget);

		assertThatNoException().isThrownBy(() -> this.a.consume("app-code", this.client, budget));
	}

	@Test
	void checkWhenBudgetPartlySpentThenPassesAndTakesNothing() {
		Budget budget = Budget.valueOf("2/1m");
		this.a.consume("app-code", this.client, budget);

		for (int i = 0; i < 5; i++) {
			this.b.check("app-code", this.client, budget);
		}

		assertThatNoException().isThrownBy(() -> this.b.consume("app-code", this.client, budget));
		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> this.a.check("app-code", this.client, budget));
	}

	@Test
	void checkWhenOtherInstanceSpentTheBudgetThenRefusedWithTheTimeLeft() {
		Budget budget = Budget.valueOf("2/1m");
		this.a.consume("app-code", this.client, budget);
		this.a.consume("app-code", this.client, budget);

		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> this.b.check("app-code", this.client, budget))
			.satisfies((ex) -> assertThat(Long.parseLong(ex.headers().getFirst("Retry-After"))).isBetween(1L, 60L));
		assertThatNoException().isThrownBy(() -> this.b.check("app-code", this.client + "-other", budget));
		assertThatNoException().isThrownBy(() -> this.b.check("other-limit", this.client, budget));
	}

}
