package io.miniauth.server.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: after {@code first}, then twice as long each
 * time up to {@code max}, each wait drawn between half and all of that ("equal jitter",
 * so that receivers coming back up are not hit by every sender at once). A
 * {@code Retry-After} from the receiver replaces the computed wait. Past {@code retryFor}
 * after the event, the delivery is given up.
 */
final class RetrySchedule {

	private final Duration first;

	private final Duration max;

	private final Duration retryFor;

	private final DoubleSupplier random;

	RetrySchedule(Duration first, Duration max, Duration retryFor, DoubleSupplier random) {
		this.first = first;
		this.max = max;
		this.retryFor = retryFor;
		this.random = random;
	}

	/**
	 * The next attempt after a failed one.
	 * @param attempts the attempts made so far
	 * @param occurredAt when the event happened
	 * @param now now
	 * @param retryAfter the receiver's {@code Retry-After}, or {@code null}
	 * @return when to try again, or {@code null} to give up
	 */
	Instant next(int attempts, Instant occurredAt, Instant now, Duration retryAfter) {
		Duration wait = (retryAfter != null) ? retryAfter : jittered(backOff(attempts));
		Instant next = now.plus(wait);
		return next.isAfter(occurredAt.plus(this.retryFor)) ? null : next;
	}

	/**
	 * The wait before the retry that follows {@code attempts} attempts, before jitter.
	 * @param attempts the attempts made so far, at least 1
	 * @return the longest wait
	 */
	Duration backOff(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 30);
		Duration wait = this.first.multipliedBy(1L << doublings);
		return (wait.compareTo(this.max) > 0) ? this.max : wait;
	}

	private Duration jittered(Duration wait) {
		long millis = wait.toMillis();
		return Duration.ofMillis(millis / 2 + (long) (this.random.getAsDouble() * (millis - millis / 2)));
	}

}
