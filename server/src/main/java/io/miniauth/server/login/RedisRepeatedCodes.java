package io.miniauth.server.login;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.miniauth.server.wechat.WeChatUnavailableException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Repeated login codes in Redis, so that a code sent to one instance and repeated to
 * another gets the same login. The first request takes the key (a SHA-256 hash of appid
 * and code, never the code) with {@code SET NX} and marks it pending; the others wait for
 * the outcome it stores there. A failed login removes the key, so that the code can be
 * tried again.
 */
final class RedisRepeatedCodes implements RepeatedCodes {

	private static final String PREFIX = "miniauth:login:code:";

	private static final String PENDING = "pending";

	private static final Duration POLL_PAUSE = Duration.ofMillis(50);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final Duration window;

	private final Duration maxWait;

	private final Duration pendingFor;

	private final LongSupplier nanoTime;

	/**
	 * @param redis the Redis client
	 * @param json writes and reads the outcomes
	 * @param window how long an outcome is kept
	 * @param maxWait the longest a login may take, and so how long a repeat waits for a
	 * login still running elsewhere
	 */
	RedisRepeatedCodes(StringRedisTemplate redis, JsonMapper json, Duration window, Duration maxWait) {
		this(redis, json, window, maxWait, System::nanoTime);
	}

	/**
	 * Visible for testing.
	 * @param nanoTime the monotonic time source that bounds a repeat's wait
	 */
	RedisRepeatedCodes(StringRedisTemplate redis, JsonMapper json, Duration window, Duration maxWait,
			LongSupplier nanoTime) {
		this.redis = redis;
		this.json = json;
		this.window = window;
		this.maxWait = maxWait;
		// a running login keeps its code for as long as it may take, even when the window
		// is shorter, so that a repeat never starts a second exchange of the same code
		this.pendingFor = (maxWait.compareTo(window) > 0) ? maxWait : window;
		this.nanoTime = nanoTime;
	}

	@Override
	public LoginOutcome once(String appid, String code, Supplier<LoginOutcome> login) {
		String key = PREFIX + RepeatedCodes.key(appid, code);
		// elapsed time, not the service's clock: this bounds how long this request polls
		// Redis, which a wall clock that jumps (or a clock that tests hold still) would
		// stretch or never end; nanoTime only moves forward
		long deadline = this.nanoTime.getAsLong() + this.maxWait.toNanos();
		while (true) {
			if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(key, PENDING, this.pendingFor))) {
				return runFirst(key, login);
			}
			String stored = this.redis.opsForValue().get(key);
			while (PENDING.equals(stored) && before(deadline)) {
				pause();
				stored = this.redis.opsForValue().get(key);
			}
			if (stored != null && !PENDING.equals(stored)) {
				return this.json.readValue(stored, LoginOutcome.class);
			}
			if (stored != null || !before(deadline)) {
				// the first login is still running elsewhere, and slower than WeChat may
				// take
				throw new WeChatUnavailableException("a login with this code is still running", 0);
			}
			// the first login failed and gave the code up: try it here
		}
	}

	private LoginOutcome runFirst(String key, Supplier<LoginOutcome> login) {
		try {
			LoginOutcome outcome = login.get();
			this.redis.opsForValue().set(key, this.json.writeValueAsString(outcome), this.window);
			return outcome;
		}
		catch (RuntimeException | Error ex) {
			this.redis.delete(key);
			throw ex;
		}
	}

	private boolean before(long deadline) {
		// a difference, as nanoTime may overflow
		return this.nanoTime.getAsLong() - deadline < 0;
	}

	private static void pause() {
		try {
			Thread.sleep(POLL_PAUSE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WeChatUnavailableException("interrupted while waiting for a login with this code", 0);
		}
	}

}
