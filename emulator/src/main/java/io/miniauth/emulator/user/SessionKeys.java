package io.miniauth.emulator.user;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.Assert;

/**
 * Each user's current {@code session_key}: Base64 of 16 random bytes, one valid key per
 * (appid, openid) at any moment. WeChat may give a user a new key when a login code is
 * issued; the emulator does so unless the current key is younger than the configured
 * minimum rotation period.
 */
public final class SessionKeys {

	private static final int KEY_BYTES = 16;

	private final Map<Subject, IssuedKey> current = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private final Duration minRotationPeriod;

	public SessionKeys(Clock clock, Duration minRotationPeriod) {
		Assert.notNull(clock, "clock cannot be null");
		Assert.notNull(minRotationPeriod, "minRotationPeriod cannot be null");
		this.clock = clock;
		this.minRotationPeriod = minRotationPeriod;
	}

	/**
	 * What a new login code does to the user's key: a fresh key, unless the current one
	 * was issued less than the minimum rotation period ago.
	 * @param appid the app
	 * @param openid the user
	 * @return the key valid from now on
	 */
	public String rotateOnLogin(String appid, String openid) {
		Instant now = this.clock.instant();
		return this.current.compute(new Subject(appid, openid), (subject, issued) -> {
			if (issued != null && now.isBefore(issued.issuedAt().plus(this.minRotationPeriod))) {
				return issued;
			}
			return new IssuedKey(newKey(), now);
		}).key();
	}

	/**
	 * Replaces the user's key with a fresh one whatever its age, as
	 * {@code resetusersessionkey} does.
	 * @param appid the app
	 * @param openid the user
	 * @return the new key
	 */
	public String reset(String appid, String openid) {
		IssuedKey issued = new IssuedKey(newKey(), this.clock.instant());
		this.current.put(new Subject(appid, openid), issued);
		return issued.key();
	}

	public Optional<String> current(String appid, String openid) {
		return Optional.ofNullable(this.current.get(new Subject(appid, openid))).map(IssuedKey::key);
	}

	private String newKey() {
		byte[] bytes = new byte[KEY_BYTES];
		this.random.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	private record Subject(String appid, String openid) {
	}

	private record IssuedKey(String key, Instant issuedAt) {
	}

}
