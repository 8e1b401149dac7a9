package io.miniauth.server.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.crypto.CryptoProvider;
import io.miniauth.server.crypto.SecretBox;
import io.miniauth.server.token.KeyRing.SigningKey;
import io.miniauth.server.token.SigningKeyStore.StoredKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The ES256 keys that sign access tokens, kept in the database with the private part
 * sealed by the key-encryption key, so that tokens survive restarts and every instance
 * shares them.
 * <p>
 * A new key is introduced every {@code key-rotation-period}. It is published first: it
 * verifies and is in the JWKS at once, but signs only {@link #PUBLISHED_AHEAD} later,
 * when every instance (each re-reads the keys once a minute) and every backend that
 * caches the JWKS (for up to {@link #JWKS_MAX_AGE}, as its {@code Cache-Control} allows)
 * knows it. Until then the key it replaces signs; that key keeps verifying (and stays in
 * the JWKS) until the last token it signed has expired, one token lifetime later, and is
 * then dropped. Each key names the key it succeeds, and the database takes one successor
 * per key: when several instances find a key due at the same moment (or start on an empty
 * database together), one introduces it and the others use it.
 * <p>
 * A token naming a key this instance does not know makes it re-read the keys (at most
 * every {@value #RELOAD_INTERVAL_SECONDS} s).
 * <p>
 * This class keeps the keys as last read ({@link KeyRing}) and decides when to re-read
 * them; the table is {@link SigningKeyStore}'s, the rules are {@link SigningKeyPolicy}'s.
 * Constructing it reads and writes nothing: the first {@link #rotateIfDue()}, at start-up
 * ({@link SigningKeyRotation}), reads the keys and introduces the first one if there is
 * none. A use before that does it then.
 */
@Component
public class SigningKeys {

	private static final Log logger = LogFactory.getLog(SigningKeys.class);

	private static final long RELOAD_INTERVAL_SECONDS = 10;

	/**
	 * How long the JWKS may be cached: its {@code Cache-Control: max-age}.
	 */
	public static final Duration JWKS_MAX_AGE = Duration.ofMinutes(5);

	/**
	 * How long a new key is published before it signs. It must be longer than
	 * {@link #JWKS_MAX_AGE} plus the interval at which every instance re-reads the keys
	 * (1 minute), with room for clocks that differ: a longer max-age needs a longer lead.
	 */
	public static final Duration PUBLISHED_AHEAD = Duration.ofMinutes(10);

	/** What the first key succeeds. */
	private static final String FIRST = "none";

	private final ReentrantLock lock = new ReentrantLock();

	private final SigningKeyStore store;

	private final SigningKeyPolicy policy;

	private final Es256Keys es256;

	private final Clock clock;

	private volatile KeyRing ring;

	private volatile Instant loadedAt = Instant.MIN;

	public SigningKeys(JdbcClient jdbc, SecretBox secretBox, CryptoProvider crypto, MiniAuthProperties properties,
			Clock clock) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(secretBox, "secretBox cannot be null");
		Assert.notNull(crypto, "crypto cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.store = new SigningKeyStore(jdbc, secretBox);
		this.policy = new SigningKeyPolicy(properties.token().lifetime(), properties.token().keyRotationPeriod());
		this.es256 = new Es256Keys(crypto);
		this.clock = clock;
	}

	/**
	 * The current signing key's id and signer, read together so that a rotation cannot
	 * come between them.
	 * @return the active key
	 */
	public ActiveKey activeKey() {
		SigningKey signing = ring().signing(this.clock.instant());
		return new ActiveKey(signing.key().getKeyID(), signing.signer());
	}

	/**
	 * The verifier for a key id.
	 * @param kid the key id from a token's header
	 * @return the verifier, or {@code null} when no such key may verify
	 */
	public ECDSAVerifier verifier(String kid) {
		if (kid == null) {
			return null;
		}
		ECDSAVerifier verifier = ring().verifiers().get(kid);
		if (verifier == null && isStale() && this.lock.tryLock()) {
			// one caller re-reads; the others answer from the keys they have
			try {
				if (isStale()) {
					reload(this.store.findAll(), this.clock.instant());
				}
			}
			finally {
				this.lock.unlock();
			}
			verifier = this.ring.verifiers().get(kid);
		}
		return verifier;
	}

	/**
	 * The public keys that may still verify live tokens, for the JWKS endpoint.
	 * @return the public JWK set (no private parts)
	 */
	public JWKSet publicKeys() {
		return ring().publicKeys();
	}

	/**
	 * Introduces a new signing key when none exists or the newest is older than the
	 * rotation period, then re-reads the keys (dropping those whose tokens have all
	 * expired).
	 */
	public void rotateIfDue() {
		this.lock.lock();
		try {
			List<StoredKey> keys = this.store.findAll();
			Instant now = this.clock.instant();
			if (this.policy.isDue(keys, now)) {
				introduceSuccessorOf(keys.isEmpty() ? FIRST : keys.get(0).kid(), now);
				keys = this.store.findAll();
			}
			reload(keys, now);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Introduces the key that succeeds the given one, unless another instance has.
	 * @param replaces the key id of the newest key, or {@value #FIRST}
	 * @param now the time
	 * @return whether this instance introduced it
	 */
	boolean introduceSuccessorOf(String replaces, Instant now) {
		ECKey key = this.es256.generate();
		try {
			this.store.insert(key, now, replaces);
			logger.info("Introduced signing key " + key.getKeyID() + ", which signs from "
					+ (replaces.equals(FIRST) ? now : this.policy.signsFrom(now)));
			return true;
		}
		catch (DuplicateKeyException ex) {
			if (this.store.successorExists(replaces)) {
				// another instance introduced it at the same moment: it is read next
				logger.info("Another instance introduced the signing key that succeeds " + replaces);
			}
			else {
				logger.warn("Could not store a new signing key: " + ex.getClass().getSimpleName());
			}
			return false;
		}
	}

	private KeyRing ring() {
		KeyRing ring = this.ring;
		if (ring == null) {
			rotateIfDue();
			ring = this.ring;
		}
		return ring;
	}

	private boolean isStale() {
		return this.clock.instant().isAfter(this.loadedAt.plusSeconds(RELOAD_INTERVAL_SECONDS));
	}

	private void reload(List<StoredKey> keys, Instant now) {
		Map<String, ECDSAVerifier> verifiers = new LinkedHashMap<>();
		List<JWK> publicKeys = new ArrayList<>();
		List<SigningKey> signing = new ArrayList<>();
		for (StoredKey stored : this.policy.stillVerifying(keys, now)) {
			ECKey key = this.store.open(stored);
			verifiers.put(key.getKeyID(), this.es256.verifier(key));
			publicKeys.add(key.toPublicJWK());
			signing.add(new SigningKey(key, this.es256.signer(key), this.policy.signsFrom(stored)));
		}
		this.ring = new KeyRing(signing, verifiers, new JWKSet(publicKeys));
		this.loadedAt = now;
	}

	/**
	 * The key that signs new tokens.
	 *
	 * @param kid its key id
	 * @param signer its signer
	 */
	public record ActiveKey(String kid, ECDSASigner signer) {
	}

}
