package io.miniauth.emulator.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.util.Assert;

/**
 * WeChat's per-user minute quota on {@code jscode2session} ("100 per user per minute",
 * answered with 45011). Counts calls in a sliding 60-second window; a limit of zero or
 * less switches the quota off. Users with no call in the window are forgotten, at most
 * once a window.
 */
public final class MinuteQuota {

	private static final Duration WINDOW = Duration.ofMinutes(1);

	private final Map<Subject, Deque<Instant>> calls = new ConcurrentHashMap<>();

	private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

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
		forgetIdleIfDue(now);
		Instant windowStart = now.minus(WINDOW);
		AtomicBoolean acquired = new AtomicBoolean();
		this.calls.compute(new Subject(appid, openid), (subject, window) -> {
			Deque<Instant> recent = (window != null) ? window : new ArrayDeque<>();
			dropUpTo(recent, windowStart);
			if (recent.size() < this.limit) {
				recent.addLast(now);
				acquired.set(true);
			}
			return recent;
		});
		return acquired.get();
	}

	/**
	 * How many users the quota currently keeps calls for.
	 * @return the number of users
	 */
	int trackedUsers() {
		return this.calls.size();
	}

	private void forgetIdleIfDue(Instant now) {
		Instant due = this.nextSweep.get();
		if (now.isBefore(due) || !this.nextSweep.compareAndSet(due, now.plus(WINDOW))) {
			return;
		}
		Instant windowStart = now.minus(WINDOW);
		for (Subject subject : this.calls.keySet()) {
			this.calls.computeIfPresent(subject, (key, window) -> {
				dropUpTo(window, windowStart);
				return window.isEmpty() ? null : window;
			});
		}
	}

	private static void dropUpTo(Deque<Instant> window, Instant windowStart) {
		while (!window.isEmpty() && !window.peekFirst().isAfter(windowStart)) {
			window.pollFirst();
		}
	}

	private record Subject(String appid, String openid) {
	}

}
