package io.miniauth.server.token;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.crypto.CryptoProvider;
import io.miniauth.server.crypto.SecretBox;
import io.miniauth.server.persistence.UtcTimestamps;
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

	/** For clocks that differ between instances. */
	private static final Duration REPLACEMENT_GRACE = Duration.ofMinutes(2);

	/** What the first key succeeds. */
	private static final String FIRST = "none";

	private final ReentrantLock lock = new ReentrantLock();

	private static final String FIND_ALL = "SELECT kid, jwk, created_at FROM signing_keys ORDER BY created_at DESC, kid";

	private static final String INSERT = "INSERT INTO signing_keys (kid, jwk, created_at, replaces) VALUES (:kid, :jwk, :createdAt, :replaces)";

	private final JdbcClient jdbc;

	private final SecretBox secretBox;

	private final CryptoProvider crypto;

	private final Clock clock;

	private final Duration tokenLifetime;

	private final Duration rotationPeriod;

	private volatile KeyRing ring;

	private volatile Instant loadedAt = Instant.MIN;

	public SigningKeys(JdbcClient jdbc, SecretBox secretBox, CryptoProvider crypto, MiniAuthProperties properties,
			Clock clock) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(secretBox, "secretBox cannot be null");
		Assert.notNull(crypto, "crypto cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.jdbc = jdbc;
		this.secretBox = secretBox;
		this.crypto = crypto;
		this.clock = clock;
		this.tokenLifetime = properties.token().lifetime();
		this.rotationPeriod = properties.token().keyRotationPeriod();
		rotateIfDue();
	}

	/**
	 * The current signing key's id and signer, read together so that a rotation cannot
	 * come between them.
	 * @return the active key
	 */
	public ActiveKey activeKey() {
		SigningKey signing = this.ring.signing(this.clock.instant());
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
		ECDSAVerifier verifier = this.ring.verifiers().get(kid);
		if (verifier == null && isStale() && this.lock.tryLock()) {
			// one caller re-reads; the others answer from the keys they have
			try {
				if (isStale()) {
					load(this.clock.instant());
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
		return this.ring.publicKeys();
	}

	/**
	 * Introduces a new signing key when none exists or the newest is older than the
	 * rotation period, then re-reads the keys (dropping those whose tokens have all
	 * expired).
	 */
	public void rotateIfDue() {
		this.lock.lock();
		try {
			rotateIfDueLocked();
		}
		finally {
			this.lock.unlock();
		}
	}

	private void rotateIfDueLocked() {
		List<StoredKey> keys = load();
		Instant now = this.clock.instant();
		if (keys.isEmpty() || !now.isBefore(keys.get(0).createdAt().plus(this.rotationPeriod))) {
			introduceSuccessorOf(keys.isEmpty() ? FIRST : keys.get(0).kid(), now);
			keys = load();
		}
		this.ring = ring(keys, now);
		this.loadedAt = now;
	}

	/**
	 * Introduces the key that succeeds the given one, unless another instance has.
	 * @param replaces the key id of the newest key, or {@value #FIRST}
	 * @param now the time
	 * @return whether this instance introduced it
	 */
	boolean introduceSuccessorOf(String replaces, Instant now) {
		ECKey key = generate();
		try {
			this.jdbc.sql(INSERT)
				.param("kid", key.getKeyID())
				.param("jwk", this.secretBox.seal(key.toJSONString(), context(key.getKeyID())))
				.param("createdAt", UtcTimestamps.toColumn(now))
				.param("replaces", replaces)
				.update();
			logger.info("Introduced signing key " + key.getKeyID() + ", which signs from "
					+ (replaces.equals(FIRST) ? now : now.plus(PUBLISHED_AHEAD)));
			return true;
		}
		catch (DuplicateKeyException ex) {
			if (successorExists(replaces)) {
				// another instance introduced it at the same moment: it is read next
				logger.info("Another instance introduced the signing key that succeeds " + replaces);
			}
			else {
				logger.warn("Could not store a new signing key: " + ex.getClass().getSimpleName());
			}
			return false;
		}
	}

	private boolean successorExists(String replaces) {
		return this.jdbc.sql("SELECT COUNT(*) FROM signing_keys WHERE replaces = :replaces")
			.param("replaces", replaces)
			.query(Long.class)
			.single() > 0;
	}

	private boolean isStale() {
		return this.clock.instant().isAfter(this.loadedAt.plusSeconds(RELOAD_INTERVAL_SECONDS));
	}

	private void load(Instant now) {
		this.ring = ring(load(), now);
		this.loadedAt = now;
	}

	private KeyRing ring(List<StoredKey> keys, Instant now) {
		Map<String, ECDSAVerifier> verifiers = new LinkedHashMap<>();
		List<JWK> publicKeys = new ArrayList<>();
		List<SigningKey> signing = new ArrayList<>();
		Instant successorSigns = null;
		for (StoredKey stored : keys) {
			// a replaced key verifies until the last token it signed has expired
			if (successorSigns == null
					|| now.isBefore(successorSigns.plus(this.tokenLifetime).plus(REPLACEMENT_GRACE))) {
				ECKey key = open(stored);
				verifiers.put(key.getKeyID(), verifier(key));
				publicKeys.add(key.toPublicJWK());
				signing.add(new SigningKey(key, signer(key), stored.createdAt().plus(PUBLISHED_AHEAD)));
			}
			successorSigns = stored.createdAt().plus(PUBLISHED_AHEAD);
		}
		return new KeyRing(List.copyOf(signing), Map.copyOf(verifiers), new JWKSet(publicKeys));
	}

	private List<StoredKey> load() {
		return this.jdbc.sql(FIND_ALL)
			.query((rs, rowNum) -> new StoredKey(rs.getString("kid"), rs.getString("jwk"),
					UtcTimestamps.fromColumn(rs, "created_at")))
			.list();
	}

	private ECKey open(StoredKey stored) {
		try {
			return ECKey.parse(this.secretBox.open(stored.sealedJwk(), context(stored.kid())));
		}
		catch (ParseException | IllegalStateException ex) {
			throw new IllegalStateException("Signing key " + stored.kid()
					+ " cannot be read: is miniauth.security.key-encryption-key the one it was stored with?");
		}
	}

	private static String context(String kid) {
		return "signing-key:" + kid;
	}

	private static ECKey generate() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
				.algorithm(JWSAlgorithm.ES256)
				.keyUse(KeyUse.SIGNATURE)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate a signing key", ex);
		}
	}

	private ECDSASigner signer(ECKey key) {
		try {
			// the key is converted to the provider's form once, not on every signature
			ECDSASigner signer = new ECDSASigner(this.crypto.ecKey(key.toECPrivateKey(), ECPrivateKey.class),
					Curve.P_256);
			signer.getJCAContext().setProvider(this.crypto.jca());
			return signer;
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign with key " + key.getKeyID(), ex);
		}
	}

	private ECDSAVerifier verifier(ECKey key) {
		try {
			ECDSAVerifier verifier = new ECDSAVerifier(this.crypto.ecKey(key.toECPublicKey(), ECPublicKey.class));
			verifier.getJCAContext().setProvider(this.crypto.jca());
			return verifier;
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot use signing key " + key.getKeyID(), ex);
		}
	}

	/**
	 * The key that signs new tokens.
	 *
	 * @param kid its key id
	 * @param signer its signer
	 */
	public record ActiveKey(String kid, ECDSASigner signer) {
	}

	private record StoredKey(String kid, String sealedJwk, Instant createdAt) {
	}

	/**
	 * A key that may sign.
	 *
	 * @param key the private key
	 * @param signer its signer
	 * @param publishedAt when it has been published long enough to sign, unless it is the
	 * only key
	 */
	private record SigningKey(ECKey key, ECDSASigner signer, Instant publishedAt) {
	}

	/**
	 * The keys as read from the database.
	 *
	 * @param signing the keys that may sign, newest first
	 * @param verifiers the verifiers of the keys that may verify, by key id
	 * @param publicKeys the JWKS
	 */
	private record KeyRing(List<SigningKey> signing, Map<String, ECDSAVerifier> verifiers, JWKSet publicKeys) {

		/**
		 * The newest key published long enough ago; the oldest key when none is (the
		 * first key, or one whose predecessor has been dropped).
		 */
		SigningKey signing(Instant now) {
			for (SigningKey key : this.signing) {
				if (!now.isBefore(key.publishedAt())) {
					return key;
				}
			}
			return this.signing.get(this.signing.size() - 1);
		}

	}

}
