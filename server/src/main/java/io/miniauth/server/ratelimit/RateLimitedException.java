package io.miniauth.server.ratelimit;

import java.time.Duration;

import io.miniauth.server.web.ErrorCode;
import io.miniauth.server.web.MiniAuthException;

/**
 * A request over its budget: 429 {@code RATE_LIMITED} with {@code Retry-After}.
 */
public class RateLimitedException extends MiniAuthException {

	private final long retryAfterSeconds;

	public RateLimitedException(Duration retryAfter) {
		this(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
	}

	private RateLimitedException(long retryAfterSeconds) {
		super(ErrorCode.RATE_LIMITED, "problem.RATE_LIMITED.seconds", new Object[] { Long.toString(retryAfterSeconds) },
				"Too many requests: try again in " + retryAfterSeconds + " seconds");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	@Override
	public Duration retryAfter() {
		return Duration.ofSeconds(this.retryAfterSeconds);
	}

}
