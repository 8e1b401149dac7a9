package io.miniauth.server.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

import org.springframework.util.Assert;

/**
 * Budgets as Bucket4j token buckets in this instance's memory, refilled greedily over
 * their period and timed by the injected clock. Buckets that have refilled completely
 * carry no information and are dropped by {@link #forgetIdle()}.
 */
public final class LocalRateLimiter implements RateLimiter {

	private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

	private final TimeMeter time;

	public LocalRateLimiter(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.time = new ClockTimeMeter(clock);
	}

	@Override
	public void consume(String limit, String key, Budget budget) {
		Entry entry = this.buckets.computeIfAbsent(limit + '\n' + key, (name) -> new Entry(newBucket(budget), budget));
		ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	@Override
	public void check(String limit, String key, Budget budget) {
		Entry entry = this.buckets.get(limit + '\n' + key);
		if (entry == null) {
			return;
		}
		EstimationProbe probe = entry.bucket().estimateAbilityToConsume(1);
		if (!probe.canBeConsumed()) {
			throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	/**
	 * Drops the buckets that are full again.
	 */
	public void forgetIdle() {
		this.buckets.values().removeIf((entry) -> entry.bucket().getAvailableTokens() >= entry.budget().requests());
	}

	int size() {
		return this.buckets.size();
	}

	private Bucket newBucket(Budget budget) {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(budget.requests()).refillGreedy(budget.requests(), budget.period()))
			.withCustomTimePrecision(this.time)
			.build();
	}

	private record Entry(Bucket bucket, Budget budget) {
	}

	private record ClockTimeMeter(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			java.time.Instant now = this.clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
