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

}
