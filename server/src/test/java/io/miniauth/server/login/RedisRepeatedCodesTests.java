package io.miniauth.server.login;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.miniauth.server.login.RepeatedCodes.LoginOutcome;
import io.miniauth.server.support.EmbeddedRedis;
import io.miniauth.server.support.Latches;
import io.miniauth.server.wechat.WeChatUnavailableException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ValueOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Repeated login codes in a real Redis, as two instances see them.
 */
class RedisRepeatedCodesTests {

	private static final Duration WINDOW = Duration.ofSeconds(30);

	private final StringRedisTemplate redis = EmbeddedRedis.template();

	private final RedisRepeatedCodes a = new RedisRepeatedCodes(this.redis, JsonMapper.builder().build(), WINDOW,
			Duration.ofSeconds(10));

	private final RedisRepeatedCodes b = new RedisRepeatedCodes(EmbeddedRedis.template(), JsonMapper.builder().build(),
			WINDOW, Duration.ofSeconds(10));

	private final String code = "code-" + UUID.randomUUID();

	private final LoginOutcome outcome = new LoginOutcome("user-1", "session-1", true);

	@Test
	void onceWhenCodeRepeatedToTheOtherInstanceThenItsOutcomeWithoutASecondLogin() {
		AtomicInteger logins = new AtomicInteger();

		LoginOutcome first = this.a.once("wxapp", this.code, () -> count(logins));
		LoginOutcome repeat = this.b.once("wxapp", this.code, () -> count(logins));

		assertThat(repeat).isEqualTo(first).isEqualTo(this.outcome);
		assertThat(logins).hasValue(1);
	}

	@Test
	void onceWhenRepeatArrivesWhileTheFirstLoginRunsThenItGetsItsOutcome() throws Exception {
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		AtomicInteger logins = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<LoginOutcome> first = pool.submit(() -> this.a.once("wxapp", this.code, () -> {
				running.countDown();
				Latches.await(finish);
				return count(logins);
			}));
			Latches.await(running);
			CountDownLatch repeatWaits = new CountDownLatch(1);
			RedisRepeatedCodes waiting = new RedisRepeatedCodes(seeingPending(repeatWaits),
					JsonMapper.builder().build(), WINDOW, Duration.ofSeconds(10));
			Future<LoginOutcome> repeat = pool.submit(() -> waiting.once("wxapp", this.code, () -> count(logins)));
			Latches.await(repeatWaits);
			assertThat(repeat).isNotDone();
			finish.countDown();

			assertThat(repeat.get(10, TimeUnit.SECONDS)).isEqualTo(first.get(10, TimeUnit.SECONDS));
			assertThat(logins).hasValue(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void onceWhenFirstLoginFailsThenTheCodeMayBeTriedAgainOnTheOtherInstance() {
		assertThatExceptionOfType(WeChatUnavailableException.class)
			.isThrownBy(() -> this.a.once("wxapp", this.code, () -> {
				throw new WeChatUnavailableException("down", 0);
			}));

		assertThat(this.b.once("wxapp", this.code, () -> this.outcome)).isEqualTo(this.outcome);
	}

	@Test
	void onceThenKeyIsAHashKeptForTheWindowAndNeverTheCode() {
		this.a.once("wxapp", this.code, () -> this.outcome);

		assertThat(this.redis.keys("miniauth:login:code:*")).isNotEmpty()
			.allSatisfy((key) -> assertThat(key).doesNotContain(this.code));
		String key = this.redis.keys("miniauth:login:code:*")
			.stream()
			.filter((candidate) -> this.redis.opsForValue().get(candidate).contains("session-1"))
			.findFirst()
			.orElseThrow();
		assertThat(this.redis.getExpire(key)).isBetween(1L, WINDOW.toSeconds());
	}

	@Test
	void onceWhileTheLoginRunsThenTheCodeIsHeldForTheLongestLoginEvenWhenTheWindowIsShorter() {
		Duration shortWindow = Duration.ofSeconds(2);
		Duration longestLogin = Duration.ofSeconds(15);
		RedisRepeatedCodes codes = new RedisRepeatedCodes(this.redis, JsonMapper.builder().build(), shortWindow,
				longestLogin);
		String key = "miniauth:login:code:" + RepeatedCodes.key("wxapp", this.code);
		AtomicLong pendingTtl = new AtomicLong();

		codes.once("wxapp", this.code, () -> {
			pendingTtl.set(this.redis.getExpire(key, TimeUnit.MILLISECONDS));
			return this.outcome;
		});

		assertThat(pendingTtl.get()).isGreaterThan(shortWindow.toMillis()).isLessThanOrEqualTo(longestLogin.toMillis());
		assertThat(this.redis.getExpire(key, TimeUnit.MILLISECONDS)).isBetween(1L, shortWindow.toMillis());
	}

	@Test
	void onceWhenTheFirstLoginRunsLongerThanTheLongestLoginThenTheRepeatGivesUpWithoutALogin() {
		Duration longestLogin = Duration.ofSeconds(10);
		// each reading of the time finds 6 s gone: the second is past the deadline
		AtomicLong nanos = new AtomicLong();
		RedisRepeatedCodes codes = new RedisRepeatedCodes(this.redis, JsonMapper.builder().build(), WINDOW,
				longestLogin, () -> nanos.getAndAdd(Duration.ofSeconds(6).toNanos()));
		// another instance has taken the code and is still exchanging it
		this.redis.opsForValue().set("miniauth:login:code:" + RepeatedCodes.key("wxapp", this.code), "pending", WINDOW);
		AtomicInteger logins = new AtomicInteger();

		assertThatExceptionOfType(WeChatUnavailableException.class)
			.isThrownBy(() -> codes.once("wxapp", this.code, () -> count(logins)));
		assertThat(logins).hasValue(0);
		assertThat(nanos.get()).isEqualTo(Duration.ofSeconds(18).toNanos());
	}

	/**
	 * A client of the same Redis that counts down when it reads a code still marked
	 * pending: the repeat has found the first login running and waits for it.
	 */
	private StringRedisTemplate seeingPending(CountDownLatch sawPending) {
		return new StringRedisTemplate(this.redis.getRequiredConnectionFactory()) {

			@Override
			@SuppressWarnings("unchecked")
			public ValueOperations<String, String> opsForValue() {
				ValueOperations<String, String> operations = super.opsForValue();
				return (ValueOperations<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
						new Class<?>[] { ValueOperations.class }, (proxy, method, args) -> {
							Object result;
							try {
								result = method.invoke(operations, args);
							}
							catch (InvocationTargetException ex) {
								throw ex.getCause();
							}
							if (method.getName().equals("get") && "pending".equals(result)) {
								sawPending.countDown();
							}
							return result;
						});
			}

		};
	}

	private LoginOutcome count(AtomicInteger logins) {
		logins.incrementAndGet();
		return this.outcome;
	}

}
