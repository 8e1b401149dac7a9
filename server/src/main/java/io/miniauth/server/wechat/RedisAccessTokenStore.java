package io.miniauth.server.wechat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * Access tokens kept in Redis, shared by all instances. Each token lives in Redis as long
 * as WeChat accepts it. The renewal lock is a key set with {@code NX} and an expiry,
 * holding this instance's random id, so that an instance only ever removes its own lock.
 */
public final class RedisAccessTokenStore implements AccessTokenStore {

	private static final String TOKEN_PREFIX = "miniauth:wechat:access-token:";

	private static final String LOCK_PREFIX = "miniauth:wechat:access-token-lock:";

	private static final RedisScript<Long> UNLOCK = new DefaultRedisScript<>(
			"if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end",
			Long.class);

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final String owner = UUID.randomUUID().toString();

	public RedisAccessTokenStore(StringRedisTemplate redis, Clock clock) {
		Assert.notNull(redis, "redis cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.redis = redis;
		this.clock = clock;
	}

	@Override
	public Optional<WeChatAccessToken> get(String appid) {
		String stored = this.redis.opsForValue().get(TOKEN_PREFIX + appid);
		if (stored == null) {
			return Optional.empty();
		}
		// "<expiry in epoch milliseconds>:<token>"
		int colon = stored.indexOf(':');
		if (colon < 1) {
			return Optional.empty();
		}
		try {
			Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(stored.substring(0, colon)));
			return Optional.of(new WeChatAccessToken(stored.substring(colon + 1), expiresAt));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	@Override
	public void put(String appid, WeChatAccessToken token) {
		Duration remaining = Duration.between(this.clock.instant(), token.expiresAt());
		if (remaining.toMillis() <= 0) {
			return;
		}
		this.redis.opsForValue()
			.set(TOKEN_PREFIX + appid, token.expiresAt().toEpochMilli() + ":" + token.value(), remaining);
	}

	@Override
	public boolean tryLock(String appid, Duration ttl) {
		return Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(LOCK_PREFIX + appid, this.owner, ttl));
	}

	@Override
	public void unlock(String appid) {
		this.redis.execute(UNLOCK, List.of(LOCK_PREFIX + appid), this.owner);
	}

}
