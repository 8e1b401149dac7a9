package io.miniauth.server.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.miniauth.server.token.SigningKeyStore.StoredKey;

/**
 * When a new signing key is due, when a key may sign, and how long a replaced key keeps
 * verifying. Pure rules over the stored keys and the time.
 */
final class SigningKeyPolicy {

	/** For clocks that differ between instances. */
	static final Duration REPLACEMENT_GRACE = Duration.ofMinutes(2);

	private final Duration tokenLifetime;

	private final Duration rotationPeriod;

	SigningKeyPolicy(Duration tokenLifetime, Duration rotationPeriod) {
		this.tokenLifetime = tokenLifetime;
		this.rotationPeriod = rotationPeriod;
	}

	/**
	 * Whether a new key is due: none exists, or the newest is a rotation period old.
	 * @param keys the stored keys, newest first
	 * @param now the time
	 * @return whether to introduce a key
	 */
	boolean isDue(List<StoredKey> keys, Instant now) {
		return keys.isEmpty() || !now.isBefore(keys.get(0).createdAt().plus(this.rotationPeriod));
	}

	/**
	 * When a key may sign: once it has been published long enough for every instance and
	 * every cached JWKS to know it.
	 * @param key the key
	 * @return the instant it may sign from
	 */
	Instant signsFrom(StoredKey key) {
		return signsFrom(key.createdAt());
	}

	Instant signsFrom(Instant createdAt) {
		return createdAt.plus(SigningKeys.PUBLISHED_AHEAD);
	}

	/**
	 * The keys that may still verify: a replaced key verifies until the last token it
	 * signed has expired, one token lifetime (and a grace for clocks) after its successor
	 * began to sign.
	 * @param keys the stored keys, newest first
	 * @param now the time
	 * @return the keys that may verify, newest first
	 */
	List<StoredKey> stillVerifying(List<StoredKey> keys, Instant now) {
		List<StoredKey> verifying = new ArrayList<>();
		Instant successorSigns = null;
		for (StoredKey stored : keys) {
			if (successorSigns == null
					|| now.isBefore(successorSigns.plus(this.tokenLifetime).plus(REPLACEMENT_GRACE))) {
				verifying.add(stored);
			}
			successorSigns = signsFrom(stored);
		}
		return verifying;
	}

}
