package io.miniauth.server.token;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.miniauth.server.crypto.SecretBox;
import io.miniauth.server.persistence.UtcTimestamps;
import io.miniauth.server.support.MiniAuthTest;
import io.miniauth.server.support.ServerHttpTests;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose signing keys were written before keys named their predecessor (schema
 * version 1): after the upgrade, rotation goes on as before.
 */
class SigningKeyUpgradeTests extends ServerHttpTests {

	/** Older than the default rotation period (30 days): a new key is due at start. */
	private static final Instant OLD = Instant.now().minusSeconds(40L * 24 * 3600);

	private static final List<String> OLD_KIDS = List.of("old-" + UUID.randomUUID(), "older-" + UUID.randomUUID());

	@Autowired
	SigningKeys keys;

	@DynamicPropertySource
	static void databaseAtVersion1WithKeys(DynamicPropertyRegistry registry) {
		String url = "jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/vendor/h2")
			.target("1")
			.load()
			.migrate();
		SecretBox box = new SecretBox(Base64.getDecoder().decode(MiniAuthTest.KEY_ENCRYPTION_KEY));
		for (int i = 0; i < OLD_KIDS.size(); i++) {
			String kid = OLD_KIDS.get(i);
			JdbcClient.create(dataSource)
				.sql("INSERT INTO signing_keys (kid, jwk, created_at) VALUES (:kid, :jwk, :createdAt)")
				.param("kid", kid)
				.param("jwk", box.seal(generate(kid).toJSONString(), "signing-key:" + kid))
				.param("createdAt", UtcTimestamps.toColumn(OLD.minusSeconds(3600L * i)))
				.update();
		}
		registry.add("spring.datasource.url", () -> url);
	}

	@Test
	void startWhenKeysFromBeforeTheUpgradeAndRotationDueThenNewKeyIntroducedAndSignsAfterPublication()
			throws Exception {
		String newest = OLD_KIDS.get(0);

		assertThat(kid(this.api.token("upgraded"))).isEqualTo(newest);
		assertThat(this.api.get("/.well-known/jwks.json").body()).contains(newest);
		this.clock.advance(SigningKeys.PUBLISHED_AHEAD);

		String rotated = kid(this.api.token("upgraded"));
		assertThat(rotated).isNotIn(OLD_KIDS);
		assertThat(this.api.get("/.well-known/jwks.json").body()).contains(rotated, newest);
		this.keys.rotateIfDue();
		assertThat(this.keys.activeKey().kid()).isEqualTo(rotated);
	}

	private static String kid(String token) throws java.text.ParseException {
		return SignedJWT.parse(token).getHeader().getKeyID();
	}

	private static ECKey generate(String kid) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(kid)
				.algorithm(JWSAlgorithm.ES256)
				.keyUse(KeyUse.SIGNATURE)
				.generate();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
