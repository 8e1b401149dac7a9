package io.miniauth.server.wechat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.miniauth.server.app.MiniApp;
import io.miniauth.server.support.MutableClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WeChatAccessTokensTests {

	private static final MiniApp APP = new MiniApp("wxapp", "secret", null);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T00:00:00Z"));

	private final WeChatAccessTokens tokens = new WeChatAccessTokens(new InMemoryAccessTokenStore(), this.clock);

	private final AtomicInteger fetches = new AtomicInteger();

	private final Function<MiniApp, WeChatAccessToken> fetch = (app) -> new WeChatAccessToken(
			"token-" + this.fetches.incrementAndGet(), this.clock.instant().plus(Duration.ofHours(2)));

	@Test
	void getWhenHundredCallersWithColdCacheThenOneFetch() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Function<MiniApp, WeChatAccessToken> slowFetch = (app) -> {
			await(release);
			return this.fetch.apply(app);
		};
		Set<Thread> sawColdCache = ConcurrentHashMap.newKeySet();
		InMemoryAccessTokenStore store = new InMemoryAccessTokenStore();
		WeChatAccessTokens watched = new WeChatAccessTokens(new AccessTokenStore() {

			@Override
			public Optional<WeChatAccessToken> get(String appid) {
				Optional<WeChatAccessToken> token = store.get(appid);
				if (token.isEmpty()) {
					sawColdCache.add(Thread.currentThread());
				}
				return token;
			}

			@Override
			public void put(String appid, WeChatAccessToken token) {
				store.put(appid, token);
			}

		}, this.clock);
		ExecutorService pool = Executors.newFixedThreadPool(100);
		try {
			List<Callable<String>> calls = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				calls.add(() -> watched.get(APP, slowFetch));
			}
			List<Future<String>> results = new ArrayList<>();
			for (Callable<String> call : calls) {
				results.add(pool.submit(call));
			}
			// every caller has found no token while the one fetch is held
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sawColdCache.size() == 100);
			release.countDown();
			for (Future<String> result : results) {
				assertThat(result.get()).isEqualTo("token-1");
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.fetches).hasValue(1);
	}

	@Test
	void getWhenTokenCloseToExpiryThenRenewedAhead() {
		assertThat(this.tokens.get(APP, this.fetch)).isEqualTo("token-1");
		this.clock.advance(Duration.ofHours(2).minus(WeChatAccessTokens.RENEW_AHEAD).minusSeconds(1));
		assertThat(this.tokens.get(APP, this.fetch)).isEqualTo("token-1");

		this.clock.advance(Duration.ofSeconds(1));

		assertThat(this.tokens.get(APP, this.fetch)).isEqualTo("token-2");
	}

	@Test
	void renewWhenStaleTokenAlreadyReplacedThenNoSecondFetch() {
		String first = this.tokens.get(APP, this.fetch);
		String renewed = this.tokens.renew(APP, first, this.fetch);

		String again = this.tokens.renew(APP, first, this.fetch);

		assertThat(renewed).isEqualTo("token-2");
		assertThat(again).isEqualTo("token-2");
		assertThat(this.fetches).hasValue(2);
	}

	@Test
	void getWhenFetchFailsThenFailureReachesCallerAndNextCallTriesAgain() {
		assertThatExceptionOfType(WeChatUnavailableException.class).isThrownBy(() -> this.tokens.get(APP, (app) -> {
			throw new WeChatUnavailableException("down", -1);
		}));

		assertThat(this.tokens.get(APP, this.fetch)).isEqualTo("token-1");
	}

	@Test
	void getWhenAnotherInstanceHoldsTheRenewalLockThenItsTokenIsUsedWithoutAFetch() {
		InMemoryAccessTokenStore shared = new InMemoryAccessTokenStore();
		AccessTokenStore lockedElsewhere = new AccessTokenStore() {

			private final AtomicInteger reads = new AtomicInteger();

			@Override
			public Optional<WeChatAccessToken> get(String appid) {
				// the other instance stores its token while this one waits
				if (this.reads.incrementAndGet() == 3) {
					shared.put(appid, new WeChatAccessToken("from-elsewhere",
							WeChatAccessTokensTests.this.clock.instant().plus(Duration.ofHours(2))));
				}
				return shared.get(appid);
			}

			@Override
			public void put(String appid, WeChatAccessToken token) {
				shared.put(appid, token);
			}

			@Override
			public boolean tryLock(String appid, Duration ttl) {
				return false;
			}

		};
		WeChatAccessTokens waiting = new WeChatAccessTokens(lockedElsewhere, this.clock);

		assertThat(waiting.get(APP, this.fetch)).isEqualTo("from-elsewhere");
		assertThat(this.fetches).hasValue(0);
	}

	@Test
	void getWhenAnotherInstanceHoldsTheLockButStoresNothingThenFetchedAfterWaiting() {
		InMemoryAccessTokenStore lockedElsewhere = new InMemoryAccessTokenStore();
		WeChatAccessTokens waiting = new WeChatAccessTokens(new AccessTokenStore() {

			@Override
			public Optional<WeChatAccessToken> get(String appid) {
				return lockedElsewhere.get(appid);
			}

			@Override
			public void put(String appid, WeChatAccessToken token) {
				lockedElsewhere.put(appid, token);
			}

			@Override
			public boolean tryLock(String appid, Duration ttl) {
				return false;
			}

		}, this.clock);

		assertThat(waiting.get(APP, this.fetch)).isEqualTo("token-1");
		assertThat(this.fetches).hasValue(1);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
