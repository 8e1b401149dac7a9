package io.miniauth.emulator.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.Assert;

/**
 * WeChat's per-user minute quota on {@code jscode2session} ("100 per user per minute",
 * answered with 45011). Counts calls in a sliding 60-second window; a limit of zero or
 * less switches the quota off.
 */
public final class MinuteQuota {

	private static final Duration WINDOW = Duration.ofMinutes(1);

	private final Map<Subject, Deque<Instant>> calls = new ConcurrentHashMap<>();

	private final Clock clock;

	private final int limit;

	public MinuteQuota(Clock clock, int limit) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
		this.limit = limit;
	}

	/**
	 * Counts one call for the user.
	 * @param appid the app
	 * @param openid the user
	 * @return {@code true} when the call is within the quota
	 */
	public boolean tryAcquire(String appid, String openid) {
		if (this.limit <= 0) {
			return true;
		}
		Instant now = this.clock.instant();
		Deque<Instant> window = this.calls.computeIfAbsent(new Subject(appid, openid), (subject) -> new ArrayDeque<>());
		synchronized (window) {
			while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(WINDOW))) {
				window.pollFirst();
			}
			if (window.size() >= this.limit) {
				return false;
			}
			window.addLast(now);
			return true;
		}
	}

	private record Subject(String appid, String openid) {
	}

}
