package io.miniauth.server.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.miniauth.server.wechat.WeChatUnavailableException;

/**
 * Makes logins idempotent per code. A mini program on a bad network often sends one code
 * twice (a retry after a lost answer, a double tap), and WeChat answers the second
 * exchange with 40163. Here, requests with the same code share one login: concurrent ones
 * wait for the first (as long as a login may take), and repeats within the idempotency
 * window get its outcome. Only a SHA-256 hash of the code is kept; a failed login is
 * forgotten at once so that it can be tried again. This instance's memory holds them.
 */
final class InMemoryRepeatedCodes implements RepeatedCodes {

	private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration window;

	private final Duration maxWait;

	private volatile Instant nextSweep = Instant.MIN;

	/**
	 * @param window how long an outcome is kept
	 * @param maxWait the longest a login may take, and so how long a repeat waits for a
	 * login still running
	 * @param clock the clock that the window is measured with
	 */
	InMemoryRepeatedCodes(Duration window, Duration maxWait, Clock clock) {
		this.window = window;
		this.maxWait = maxWait;
		this.clock = clock;
	}

	@Override
	public LoginOutcome once(String appid, String code, Supplier<LoginOutcome> login) {
		String key = RepeatedCodes.key(appid, code);
		Instant now = this.clock.instant();
		// a sweep at most once a second, not a scan of the whole map on every login
		if (!now.isBefore(this.nextSweep)) {
			this.nextSweep = now.plusSeconds(1);
			forgetOld(now);
		}
		Attempt mine = new Attempt(new CompletableFuture<>());
		Attempt earlier = this.attempts.putIfAbsent(key, mine);
		if (earlier != null) {
			return await(earlier.outcome(), this.maxWait);
		}
		try {
			LoginOutcome outcome = login.get();
			mine.finishedAt = this.clock.instant();
			mine.outcome().complete(outcome);
			return outcome;
		}
		catch (RuntimeException | Error ex) {
			this.attempts.remove(key, mine);
			mine.outcome().completeExceptionally(ex);
			throw ex;
		}
	}

	private void forgetOld(Instant now) {
		Instant horizon = now.minus(this.window);
		this.attempts.values()
			.removeIf((attempt) -> attempt.finishedAt != null && attempt.finishedAt.isBefore(horizon));
	}

	private static LoginOutcome await(CompletableFuture<LoginOutcome> outcome, Duration maxWait) {
		try {
			// real time, not the service's clock, as for Redis: this bounds how long this
			// request waits, and a clock that tests hold still would never let it end
			return outcome.get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error cause) {
				throw cause;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			// the first login is still running, and slower than WeChat may take
			throw new WeChatUnavailableException("a login with this code is still running", 0);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WeChatUnavailableException("interrupted while waiting for a login with this code", 0);
		}
	}

	private static final class Attempt {

		private final CompletableFuture<LoginOutcome> outcome;

		private volatile Instant finishedAt;

		Attempt(CompletableFuture<LoginOutcome> outcome) {
			this.outcome = outcome;
		}

		CompletableFuture<LoginOutcome> outcome() {
			return this.outcome;
		}

	}

}
