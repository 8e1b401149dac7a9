package io.miniauth.server.ratelimit;

import java.time.Clock;

import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.config.SharedState;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The rate limiter: in memory for one instance, in Redis when it is configured, and off
 * when {@code miniauth.rate-limit.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	RateLimiter rateLimiter(MiniAuthProperties properties, Clock clock, Environment environment,
			ObjectProvider<StringRedisTemplate> redis) {
		if (!properties.rateLimit().enabled()) {
			return new Unlimited();
		}
		if (SharedState.inRedis(environment)) {
			return new RedisRateLimiter(redis.getObject());
		}
		return new LocalRateLimiter(clock);
	}

	@Bean
	IdleBuckets idleBuckets(RateLimiter rateLimiter) {
		return new IdleBuckets(rateLimiter);
	}

	/**
	 * No budgets: {@code miniauth.rate-limit.enabled=false}.
	 */
	static final class Unlimited implements RateLimiter {

		@Override
		public void consume(String limit, String key, Budget budget) {
		}

		@Override
		public void check(String limit, String key, Budget budget) {
		}

	}

	static class IdleBuckets {

		private final RateLimiter rateLimiter;

		IdleBuckets(RateLimiter rateLimiter) {
			this.rateLimiter = rateLimiter;
		}

		@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
		void forget() {
			if (this.rateLimiter instanceof LocalRateLimiter local) {
				local.forgetIdle();
			}
		}

	}

}
