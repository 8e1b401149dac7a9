package io.miniauth.server.ratelimit;

import java.time.Duration;

import io.miniauth.server.web.MiniAuthException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A request over its budget: 429 {@code RATE_LIMITED} with {@code Retry-After}.
 */
public class RateLimitedException extends MiniAuthException {

	private final long retryAfterSeconds;

	public RateLimitedException(Duration retryAfter) {
		this(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
	}

	private RateLimitedException(long retryAfterSeconds) {
		super(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
				"Too many requests: try again in " + retryAfterSeconds + " seconds");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(this.retryAfterSeconds));
		return headers;
	}

}
