package io.miniauth.server.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;

import java.net.URI;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.crypto.CryptoProvider;
import io.miniauth.server.crypto.SecretBox;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.AtOnce;
import io.miniauth.server.support.MiniAuthTest;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing keys: the JWKS other backends verify with, key rotation with the old key
 * kept until its tokens have expired, and private keys sealed at rest.
 */
@TestPropertySource(properties = "miniauth.token.key-rotation-period=1d")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class SigningKeyIntegrationTests extends ServerHttpTests {

	@Autowired
	SigningKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecretBox secretBox;

	@Autowired
	CryptoProvider crypto;

	@Autowired
	MiniAuthProperties properties;

	@Test
	void jwksWhenFetchedThenPublicEs256KeyThatVerifiesIssuedTokens() throws Exception {
		Reply reply = this.api.get("/.well-known/jwks.json");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("Content-Type")).startsWith("application/jwk-set+json");
		// a backend that caches the keys this long still learns a new key before it signs
		assertThat(reply.header("Cache-Control")).contains("max-age=" + SigningKeys.JWKS_MAX_AGE.toSeconds());
		assertThat(SigningKeys.PUBLISHED_AHEAD).isGreaterThan(SigningKeys.JWKS_MAX_AGE.plusMinutes(1));
		assertThat(reply.body()).doesNotContain("\"d\"");
		JWKSet set = JWKSet.parse(reply.body());
		assertThat(set.getKeys()).hasSize(1);
		ECKey key = set.getKeys().get(0).toECKey();
		assertThat(key.isPrivate()).isFalse();
		assertThat(key.getAlgorithm().getName()).isEqualTo("ES256");
		assertThat(key.getKeyUse().identifier()).isEqualTo("sig");
		SignedJWT token = SignedJWT.parse(this.api.token("jwks-user"));
		assertThat(token.getHeader().getKeyID()).isEqualTo(key.getKeyID());
		assertThat(token.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(key))).isTrue();
	}

	@Test
	void jwksWhenUsedByAnotherBackendThenItVerifiesOurTokens() throws Exception {
		String token = this.api.token("other-backend");
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		JWKSource<SecurityContext> jwks = JWKSourceBuilder
			.create(URI.create("http://127.0.0.1:" + this.port + "/.well-known/jwks.json").toURL())
			.build();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, jwks));
		// Nimbus's default type check (JWT or none), as another backend would leave it

		JWTClaimsSet claims = processor.process(token, null);

		assertThat(claims.getIssuer()).isEqualTo("miniauth");
		assertThat(claims.getStringClaim("sid")).isNotBlank();
	}

	@Test
	void tokenWhenSignedWithNativeProviderThenAnInstanceOnTheJdkVerifiesItAndTheOtherWayRound() {
		// a fleet may mix platforms (or miniauth.crypto.provider=jdk): the keys and
		// tokens
		// are the same
		SigningKeys nativeKeys = keysOn(CryptoProvider.nativeIfAvailable());
		SigningKeys jdkKeys = keysOn(CryptoProvider.jdk());
		String signedNatively = new AccessTokenIssuer(nativeKeys, this.properties, this.clock)
			.issue("u1", "wxa", "s1", null)
			.value();
		String signedOnJdk = new AccessTokenIssuer(jdkKeys, this.properties, this.clock).issue("u2", "wxa", "s2", null)
			.value();

		assertThat(new AccessTokenVerifier(jdkKeys, this.properties, this.clock).verify(signedNatively).sessionId())
			.isEqualTo("s1");
		assertThat(new AccessTokenVerifier(nativeKeys, this.properties, this.clock).verify(signedOnJdk).sessionId())
			.isEqualTo("s2");
	}

	private SigningKeys keysOn(CryptoProvider crypto) {
		SecretBox box = new SecretBox(Base64.getDecoder().decode(MiniAuthTest.KEY_ENCRYPTION_KEY), crypto);
		return new SigningKeys(this.jdbc, box, crypto, this.properties, this.clock);
	}

	@Test
	void privateKeyWhenStoredThenSealedNotPlainJwk() {
		List<String> stored = this.jdbc.sql("SELECT jwk FROM signing_keys").query(String.class).list();

		assertThat(stored).isNotEmpty().allSatisfy((jwk) -> assertThat(jwk).startsWith("v1.").doesNotContain("\"d\""));
	}

	@Test
	void rotationWhenDueThenNewKeySignsAndOldTokensStayValidUntilTheyExpire() throws Exception {
		this.clock.advance(Duration.ofDays(1).minusMinutes(1));
		String oldToken = this.api.token("across-rotation");
		String oldKid = SignedJWT.parse(oldToken).getHeader().getKeyID();
		this.clock.advance(Duration.ofMinutes(1));

		this.keys.rotateIfDue();

		// published first: in the JWKS, but the old key still signs
		List<String> published = kids();
		assertThat(published).hasSize(2).contains(oldKid);
		assertThat(SignedJWT.parse(this.api.token("across-rotation")).getHeader().getKeyID()).isEqualTo(oldKid);
		this.clock.advance(SigningKeys.PUBLISHED_AHEAD);
		String newToken = this.api.token("across-rotation");
		String newKid = SignedJWT.parse(newToken).getHeader().getKeyID();
		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(published).containsExactlyInAnyOrder(oldKid, newKid);
		assertThat(me(oldToken).status()).isEqualTo(200);
		assertThat(me(newToken).status()).isEqualTo(200);

		// one token lifetime after the old key last signed, plus a grace for clocks
		this.clock.advance(Duration.ofHours(2).plusMinutes(2));
		this.keys.rotateIfDue();

		assertThat(kids()).containsExactly(newKid);
		assertThat(me(oldToken).status()).isEqualTo(401);
	}

	@Test
	void rotationWhenAnotherInstanceIntroducedTheKeyFirstThenBothSignWithIt() {
		String first = this.keys.activeKey().kid();
		this.clock.advance(Duration.ofDays(1));
		// another instance on the same database finds the rotation due, and wins
		SigningKeys other = new SigningKeys(this.jdbc, this.secretBox, this.crypto, this.properties, this.clock);
		other.rotateIfDue();

		// this instance had read the keys before that insert, and tries too
		assertThat(this.keys.introduceSuccessorOf(first, this.clock.instant())).isFalse();
		this.keys.rotateIfDue();
		this.clock.advance(SigningKeys.PUBLISHED_AHEAD);

		assertThat(this.keys.activeKey().kid()).isEqualTo(other.activeKey().kid()).isNotEqualTo(first);
		assertThat(kids()).containsExactlyInAnyOrder(first, other.activeKey().kid());
	}

	@Test
	void verifierWhenTokenNamesAKeyAnotherInstanceIntroducedThenKeysReReadAtMostEveryTenSeconds() {
		this.clock.advance(Duration.ofDays(1));
		SigningKeys other = new SigningKeys(this.jdbc, this.secretBox, this.crypto, this.properties, this.clock);
		other.rotateIfDue();
		String introduced = other.publicKeys().getKeys().get(0).getKeyID();

		// this instance last read the keys a day ago: it reads them again and knows the
		// key
		assertThat(this.keys.verifier(introduced)).isNotNull();

		String next = successorOf(introduced);
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(this.keys.verifier(next)).as("read 10 s ago").isNull();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.keys.verifier(next)).isNotNull();
		assertThat(this.keys.verifier("no-such-kid")).isNull();
		assertThat(this.keys.verifier(null)).isNull();
	}

	@Test
	void rotationWhenInstancesFindItDueAtTheSameMomentThenOneKeyIsIntroducedAndAllSignWithIt() throws Exception {
		String first = this.keys.activeKey().kid();
		this.clock.advance(Duration.ofDays(1));
		List<SigningKeys> instances = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			instances.add(new SigningKeys(this.jdbc, this.secretBox, this.crypto, this.properties, this.clock));
		}

		AtOnce.run(instances.stream().<Callable<Void>>map((instance) -> () -> {
			instance.rotateIfDue();
			return null;
		}).toList());
		this.keys.rotateIfDue();

		List<String> successors = this.jdbc.sql("SELECT kid FROM signing_keys WHERE replaces = :first")
			.param("first", first)
			.query(String.class)
			.list();
		assertThat(successors).hasSize(1);
		assertThat(kids()).containsExactlyInAnyOrder(first, successors.get(0));
		this.clock.advance(SigningKeys.PUBLISHED_AHEAD);
		instances.add(this.keys);
		assertThat(instances).extracting((instance) -> instance.activeKey().kid()).containsOnly(successors.get(0));
	}

	private String successorOf(String kid) {
		SigningKeys third = new SigningKeys(this.jdbc, this.secretBox, this.crypto, this.properties, this.clock);
		assertThat(third.introduceSuccessorOf(kid, this.clock.instant())).isTrue();
		return this.jdbc.sql("SELECT kid FROM signing_keys WHERE replaces = :kid")
			.param("kid", kid)
			.query(String.class)
			.single();
	}

	@Test
	void rotationWhenNotDueThenSameKey() {
		String kid = this.keys.activeKey().kid();
		this.clock.advance(Duration.ofHours(23));

		this.keys.rotateIfDue();

		assertThat(this.keys.activeKey().kid()).isEqualTo(kid);
		assertThat(kids()).containsExactly(kid);
	}

	private Reply me(String token) {
		return this.api.get("/user/me", "Authorization", "Bearer " + token);
	}

	private List<String> kids() {
		try {
			List<String> kids = new ArrayList<>();
			for (JWK key : JWKSet.parse(this.api.get("/.well-known/jwks.json").body()).getKeys()) {
				kids.add(key.getKeyID());
			}
			return kids;
		}
		catch (java.text.ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
