package io.miniauth.server.login;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.miniauth.server.login.RepeatedCodes.LoginOutcome;
import io.miniauth.server.support.Latches;
import io.miniauth.server.support.MutableClock;
import io.miniauth.server.wechat.WeChatUnavailableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Repeated login codes in one instance's memory: a repeat shares the first login, waiting
 * for it no longer than a login may take, like the Redis variant.
 */
class InMemoryRepeatedCodesTests {

	private static final Duration WINDOW = Duration.ofSeconds(30);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final LoginOutcome outcome = new LoginOutcome("user-1", "session-1", true);

	@Test
	void onceWhenRepeatArrivesWhileTheFirstLoginRunsThenItGetsItsOutcome() throws Exception {
		InMemoryRepeatedCodes codes = new InMemoryRepeatedCodes(WINDOW, Duration.ofSeconds(10), this.clock);
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		AtomicInteger logins = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<LoginOutcome> first = pool.submit(() -> codes.once("wxapp", "code-1", () -> {
				running.countDown();
				Latches.await(finish);
				return count(logins);
			}));
			Latches.await(running);
			Future<LoginOutcome> repeat = pool.submit(() -> codes.once("wxapp", "code-1", () -> count(logins)));
			finish.countDown();

			assertThat(repeat.get(10, TimeUnit.SECONDS)).isEqualTo(first.get(10, TimeUnit.SECONDS));
			assertThat(logins).hasValue(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void onceWhenTheFirstLoginOutlastsTheLongestLoginThenTheRepeatIsTurnedAway() throws Exception {
		InMemoryRepeatedCodes codes = new InMemoryRepeatedCodes(WINDOW, Duration.ofMillis(100), this.clock);
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<LoginOutcome> first = pool.submit(() -> codes.once("wxapp", "code-2", () -> {
				running.countDown();
				Latches.await(finish);
				return this.outcome;
			}));
			Latches.await(running);

			assertThatExceptionOfType(WeChatUnavailableException.class)
				.isThrownBy(() -> codes.once("wxapp", "code-2", () -> this.outcome));
			finish.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(this.outcome);
			assertThat(codes.once("wxapp", "code-2", () -> null)).isEqualTo(this.outcome);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void onceWhenRepeatedAfterTheWindowThenLoggedInAgain() {
		InMemoryRepeatedCodes codes = new InMemoryRepeatedCodes(WINDOW, Duration.ofSeconds(10), this.clock);
		AtomicInteger logins = new AtomicInteger();
		codes.once("wxapp", "code-3", () -> count(logins));

		this.clock.advance(WINDOW.plusSeconds(2));
		codes.once("wxapp", "code-3", () -> count(logins));

		assertThat(logins).hasValue(2);
	}

	private LoginOutcome count(AtomicInteger logins) {
		logins.incrementAndGet();
		return this.outcome;
	}

}
