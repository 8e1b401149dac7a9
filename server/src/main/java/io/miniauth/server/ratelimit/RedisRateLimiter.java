package io.miniauth.server.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * Budgets counted in Redis, so that all instances spend one budget. Each budget is a
 * fixed window: a counter raised with {@code INCR} that expires with {@code PEXPIRE} one
 * period after the window's first request, both in one Lua script so that no counter is
 * left without an expiry. This is simpler than a shared token bucket (Bucket4j's Lettuce
 * proxy manager) and needs no further library; the price is that a client may spend up to
 * twice its budget across a window boundary. Redis' own clock times the windows.
 */
public final class RedisRateLimiter implements RateLimiter {

	private static final String PREFIX = "miniauth:rate:";

	private static final RedisScript<List> SPEND = new DefaultRedisScript<>("""
			local count = redis.call('INCR', KEYS[1])
			local ttl = redis.call('PTTL', KEYS[1])
			if count == 1 or ttl < 0 then
			  redis.call('PEXPIRE', KEYS[1], ARGV[1])
			  ttl = tonumber(ARGV[1])
			end
			return {count, ttl}
			""", List.class);

	private final StringRedisTemplate redis;

	public RedisRateLimiter(StringRedisTemplate redis) {
		Assert.notNull(redis, "redis cannot be null");
		this.redis = redis;
	}

	@Override
	public void consume(String limit, String key, Budget budget) {
		List<?> result = this.redis.execute(SPEND, List.of(PREFIX + limit + ":" + key),
				Long.toString(budget.period().toMillis()));
		long count = Long.parseLong(String.valueOf(result.get(0)));
		long millisLeft = Long.parseLong(String.valueOf(result.get(1)));
		if (count > budget.requests()) {
			throw new RateLimitedException(Duration.ofMillis(Math.max(0, millisLeft)));
		}
	}

	@Override
	public void check(String limit, String key, Budget budget) {
		String counter = PREFIX + limit + ":" + key;
		String count = this.redis.opsForValue().get(counter);
		if (count != null && Long.parseLong(count) >= budget.requests()) {
			Long millisLeft = this.redis.getExpire(counter, TimeUnit.MILLISECONDS);
			throw new RateLimitedException(Duration.ofMillis(Math.max(0, (millisLeft != null) ? millisLeft : 0)));
		}
	}

}
