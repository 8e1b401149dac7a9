package io.miniauth.server.wechat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.miniauth.server.support.EmbeddedRedis;
import io.miniauth.server.support.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WeChat access token and its renewal lock in a real Redis, as two instances (two
 * stores) see them.
 */
class RedisAccessTokenStoreTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2031-01-01T00:00:00Z"));

	private final StringRedisTemplate redis = EmbeddedRedis.template();

	private final RedisAccessTokenStore a = new RedisAccessTokenStore(this.redis, this.clock);

	private final RedisAccessTokenStore b = new RedisAccessTokenStore(EmbeddedRedis.template(), this.clock);

	private final String appid = "wx" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

	@Test
	void putWhenStoredByOneInstanceThenReadByTheOtherUntilWeChatExpiry() {
		WeChatAccessToken token = new WeChatAccessToken("token-" + this.appid,
				this.clock.instant().plus(Duration.ofHours(2)));

		this.a.put(this.appid, token);

		assertThat(this.b.get(this.appid)).contains(token);
		assertThat(this.redis.getExpire("miniauth:wechat:access-token:" + this.appid)).isBetween(7190L, 7200L);
	}

	@Test
	void putWhenAlreadyExpiredThenNotStored() {
		this.a.put(this.appid, new WeChatAccessToken("stale", this.clock.instant().minusSeconds(1)));

		assertThat(this.b.get(this.appid)).isEmpty();
	}

	@Test
	void getWhenStoredValueMalformedThenEmpty() {
		this.redis.opsForValue().set("miniauth:wechat:access-token:" + this.appid, "not-a-token");

		assertThat(this.a.get(this.appid)).isEmpty();
	}

	@Test
	void tryLockWhenHeldByOneInstanceThenRefusedToTheOtherAndOnlyItsOwnerReleasesIt() {
		assertThat(this.a.tryLock(this.appid, Duration.ofSeconds(10))).isTrue();

		assertThat(this.b.tryLock(this.appid, Duration.ofSeconds(10))).isFalse();
		this.b.unlock(this.appid);
		assertThat(this.b.tryLock(this.appid, Duration.ofSeconds(10))).isFalse();

		this.a.unlock(this.appid);
		assertThat(this.b.tryLock(this.appid, Duration.ofSeconds(10))).isTrue();
	}

	@Test
	void tryLockThenLockExpiresShouldItsHolderDie() {
		assertThat(this.a.tryLock(this.appid, Duration.ofSeconds(10))).isTrue();

		assertThat(this.redis.getExpire("miniauth:wechat:access-token-lock:" + this.appid)).isBetween(1L, 10L);
	}

}
