package io.miniauth.server.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The ES256 keys that sign access tokens. On the first start the service generates a key
 * pair and stores it, so tokens stay valid across restarts; the newest stored key signs,
 * and every stored key verifies.
 */
@Component
public class SigningKeys {

	private static final Log logger = LogFactory.getLog(SigningKeys.class);

	private static final String FIND_ALL = "SELECT kid, jwk FROM signing_keys ORDER BY created_at DESC, kid";

	private static final String INSERT = "INSERT INTO signing_keys (kid, jwk, created_at) VALUES (:kid, :jwk, :createdAt)";

	private final ECKey signingKey;

	private final Map<String, ECDSAVerifier> verifiers;

	public SigningKeys(JdbcClient jdbc, Clock clock) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		List<ECKey> keys = load(jdbc);
		if (keys.isEmpty()) {
			ECKey key = generate();
			jdbc.sql(INSERT)
				.param("kid", key.getKeyID())
				.param("jwk", key.toJSONString())
				.param("createdAt", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
				.update();
			logger.info("Generated signing key " + key.getKeyID());
			keys = load(jdbc);
		}
		this.signingKey = keys.get(0);
		this.verifiers = keys.stream().collect(Collectors.toUnmodifiableMap(ECKey::getKeyID, SigningKeys::verifier));
	}

	/**
	 * The key that signs new tokens.
	 * @return the private key, with its {@code kid}
	 */
	public ECKey signingKey() {
		return this.signingKey;
	}

	/**
	 * The verifier for a key id.
	 * @param kid the key id from a token's header
	 * @return the verifier, or {@code null} when no such key is known
	 */
	public ECDSAVerifier verifier(String kid) {
		return (kid != null) ? this.verifiers.get(kid) : null;
	}

	private static List<ECKey> load(JdbcClient jdbc) {
		return jdbc.sql(FIND_ALL).query((rs, rowNum) -> parse(rs.getString("jwk"))).list();
	}

	private static ECKey parse(String jwk) {
		try {
			return ECKey.parse(jwk);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("A stored signing key cannot be read", ex);
		}
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

	private static ECDSAVerifier verifier(ECKey key) {
		try {
			return new ECDSAVerifier(key.toPublicJWK());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot use signing key " + key.getKeyID(), ex);
		}
	}

}
