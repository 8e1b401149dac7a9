package io.miniauth.server.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.crypto.Sha256;

/**
 * Makes logins idempotent per code. A mini program on a bad network often sends one code
 * twice (a retry after a lost answer, a double tap), and WeChat answers the second
 * exchange with 40163. Here, requests with the same code share one login: concurrent ones
 * wait for the first, and repeats within the idempotency window get its outcome. Only a
 * SHA-256 hash of the code is kept; a failed login is forgotten at once so that it can be
 * tried again. This instance's memory holds them.
 */
final class InMemoryRepeatedCodes implements RepeatedCodes {

	private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration window;

	private volatile Instant nextSweep = Instant.MIN;

	InMemoryRepeatedCodes(MiniAuthProperties properties, Clock clock) {
		this.clock = clock;
		this.window = properties.login().idempotencyWindow();
	}

	@Override
	public LoginOutcome once(String appid, String code, Supplier<LoginOutcome> login) {
		String key = Sha256.hex(appid + "\n" + code);
		Instant now = this.clock.instant();
		// a sweep at most once a second, not a scan of the whole map on every login
		if (!now.isBefore(this.nextSweep)) {
			this.nextSweep = now.plusSeconds(1);
			forgetOld(now);
		}
		Attempt mine = new Attempt(new CompletableFuture<>());
		Attempt earlier = this.attempts.putIfAbsent(key, mine);
		if (earlier != null) {
			return await(earlier.outcome());
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

	private static LoginOutcome await(CompletableFuture<LoginOutcome> outcome) {
		try {
			return outcome.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
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
