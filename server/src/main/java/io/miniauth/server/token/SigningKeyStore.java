package io.miniauth.server.token;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.ECKey;
import io.miniauth.server.crypto.SecretBox;
import io.miniauth.server.persistence.UtcTimestamps;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code signing_keys} table: each key's JWK sealed by the key-encryption key, when
 * it was introduced, and which key it succeeds. The table takes one successor per key,
 * which is what lets several instances introduce a key at the same moment safely.
 */
final class SigningKeyStore {

	private static final String FIND_ALL = "SELECT kid, jwk, created_at FROM signing_keys ORDER BY created_at DESC, kid";

	private static final String INSERT = "INSERT INTO signing_keys (kid, jwk, created_at, replaces) VALUES (:kid, :jwk, :createdAt, :replaces)";

	private final JdbcClient jdbc;

	private final SecretBox secretBox;

	SigningKeyStore(JdbcClient jdbc, SecretBox secretBox) {
		this.jdbc = jdbc;
		this.secretBox = secretBox;
	}

	/**
	 * Reads every stored key, still sealed.
	 * @return the keys, newest first
	 */
	List<StoredKey> findAll() {
		return this.jdbc.sql(FIND_ALL)
			.query((rs, rowNum) -> new StoredKey(rs.getString("kid"), rs.getString("jwk"),
					UtcTimestamps.fromColumn(rs, "created_at")))
			.list();
	}

	/**
	 * Stores a key, sealed.
	 * @param key the private key
	 * @param createdAt when it is introduced
	 * @param replaces the key id of the key it succeeds
	 * @throws DuplicateKeyException when that key already has a successor
	 */
	void insert(ECKey key, Instant createdAt, String replaces) {
		this.jdbc.sql(INSERT)
			.param("kid", key.getKeyID())
			.param("jwk", this.secretBox.seal(key.toJSONString(), context(key.getKeyID())))
			.param("createdAt", UtcTimestamps.toColumn(createdAt))
			.param("replaces", replaces)
			.update();
	}

	boolean successorExists(String replaces) {
		return this.jdbc.sql("SELECT COUNT(*) FROM signing_keys WHERE replaces = :replaces")
			.param("replaces", replaces)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Unseals a stored key.
	 * @param stored the key as stored
	 * @return the private key
	 * @throws IllegalStateException when it cannot be unsealed, as with another
	 * key-encryption key
	 */
	ECKey open(StoredKey stored) {
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

	/**
	 * A key as stored.
	 *
	 * @param kid its key id
	 * @param sealedJwk its JWK, sealed
	 * @param createdAt when it was introduced
	 */
	record StoredKey(String kid, String sealedJwk, Instant createdAt) {

		@Override
		public String toString() {
			return "StoredKey[kid=" + this.kid + ", createdAt=" + this.createdAt + "]";
		}

	}

}
