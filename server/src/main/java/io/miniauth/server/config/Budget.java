package io.miniauth.server.config;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.Assert;

/**
 * How many requests a key may make per period, written {@code <requests>/<period>} in
 * settings ({@code 60/1m}, {@code 5/10s}).
 *
 * @param requests the number of requests
 * @param period the period they refill over
 */
public record Budget(long requests, Duration period) {

	public Budget {
		Assert.isTrue(requests > 0, "requests must be positive");
		Assert.isTrue(period != null && !period.isNegative() && !period.isZero(), "period must be positive");
	}

	/**
	 * Reads {@code <requests>/<period>}; also how settings are bound to budgets.
	 * @param text the setting
	 * @return the budget
	 */
	public static Budget valueOf(String text) {
		String[] parts = text.strip().split("/", 2);
		Assert.isTrue(parts.length == 2, () -> "a budget reads <requests>/<period>, such as 60/1m: " + text);
		return new Budget(Long.parseLong(parts[0].strip()), DurationStyle.detectAndParse(parts[1].strip()));
	}

	@Override
	public String toString() {
		return this.requests + "/" + this.period;
	}

}
