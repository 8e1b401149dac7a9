package io.miniauth.server.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a request with a missing, expired, forged or foreign token gets: 401 with the
 * right {@code code} and a {@code WWW-Authenticate} challenge.
 */
class TokenAuthenticationIntegrationTests extends ServerHttpTests {

	@Autowired
	SigningKeys keys;

	@Test
	void loginWhenSuccessfulThenTokenIsEs256JwtNamingItsKeyAndUser() throws Exception {
		JsonNode login = this.api.login("claims").json();

		SignedJWT jwt = SignedJWT.parse(login.get("token").asString());

		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(this.keys.activeKey().kid());
		assertThat(jwt.getHeader().getType()).hasToString("JWT");
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getSubject()).isEqualTo(login.at("/user/id").asString());
		assertThat(claims.getAudience()).containsExactly(login.at("/user/appid").asString());
		assertThat(claims.getIssuer()).isEqualTo("miniauth");
		assertThat(claims.getJWTID()).isNotBlank();
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofHours(2));
	}

	@Test
	void requestWhenNoTokenThen401UnauthorizedWithBearerChallenge() {
		Reply reply = this.api.get("/user/me");

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
		assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"miniauth\"");
	}

	@Test
	void requestWhenEmptyBearerThen401Unauthorized() {
		Reply reply = this.api.get("/user/me", "Authorization", "Bearer ");

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void requestWhenLowercaseBearerSchemeThenOk() {
		String token = this.api.token("lowercase-scheme");

		assertThat(this.api.get("/user/me", "Authorization", "bearer " + token).status()).isEqualTo(200);
	}

	@Test
	void requestWhenTokenJustBeforeExpiryThenOk() {
		String token = this.api.token("almost-expired");
		this.clock.advance(Duration.ofHours(2).minusSeconds(1));

		assertThat(this.api.get("/user/me", "Authorization", "Bearer " + token).status()).isEqualTo(200);
	}

	@Test
	void requestWhenTokenExpiredThen401TokenExpired() {
		String token = this.api.token("expired");
		this.clock.advance(Duration.ofHours(2));

		Reply reply = this.api.get("/user/me", "Authorization", "Bearer " + token);

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.code()).isEqualTo("TOKEN_EXPIRED");
		assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer realm=\"miniauth\"")
			.contains("error=\"invalid_token\"");
	}

	@Test
	void requestWhenTokenAlreadyVerifiedOnceThenStillRefusedAfterItExpires() {
		String token = this.api.token("remembered");
		assertThat(this.api.get("/user/me", "Authorization", "Bearer " + token).status()).isEqualTo(200);
		this.clock.advance(Duration.ofHours(2));

		Reply reply = this.api.get("/user/me", "Authorization", "Bearer " + token);

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.code()).isEqualTo("TOKEN_EXPIRED");
	}

	@Test
	void requestWhenPayloadTamperedThen401TokenInvalid() throws Exception {
		SignedJWT genuine = SignedJWT.parse(this.api.token("tampered"));
		String otherUser = this.api.login("victim").json().at("/user/id").asString();
		JWTClaimsSet forged = new JWTClaimsSet.Builder(genuine.getJWTClaimsSet()).subject(otherUser).build();
		String[] parts = genuine.serialize().split("\\.");
		String token = parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(forged.toString().getBytes()) + "." + parts[2];

		assertInvalid(token);
	}

	@Test
	void requestWhenSignedByAnotherKeyWithOurKidThen401TokenInvalid() throws Exception {
		ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID(this.keys.activeKey().kid()).generate();

		assertInvalid(sign(new ECDSASigner(stranger), JWSAlgorithm.ES256, stranger.getKeyID(), claims("miniauth")));
	}

	@Test
	void requestWhenSignedByUnknownKeyThen401TokenInvalid() throws Exception {
		ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("unknown-key").generate();

		assertInvalid(sign(new ECDSASigner(stranger), JWSAlgorithm.ES256, "unknown-key", claims("miniauth")));
	}

	@Test
	void requestWhenIssuedBySomeoneElseWithOurKeyThen401TokenInvalid() throws Exception {
		SigningKeys.ActiveKey ours = this.keys.activeKey();

		assertInvalid(sign(ours.signer(), JWSAlgorithm.ES256, ours.kid(), claims("someone-else")));
	}

	@Test
	void requestWhenUnsignedAlgNoneThen401TokenInvalid() {
		assertInvalid(new PlainJWT(claims("miniauth")).serialize());
	}

	@Test
	void requestWhenHmacSignedThen401TokenInvalid() throws Exception {
		byte[] secret = new byte[32];

		assertInvalid(sign(new MACSigner(secret), JWSAlgorithm.HS256, this.keys.activeKey().kid(), claims("miniauth")));
	}

	@Test
	void requestWhenGarbageThen401TokenInvalid() {
		assertInvalid("not-a-token");
		assertInvalid("a.b.c");
	}

	@Test
	void requestWhenGenuineTokenOfUnknownSessionThen401TokenRevoked() throws Exception {
		SigningKeys.ActiveKey ours = this.keys.activeKey();
		String token = sign(ours.signer(), JWSAlgorithm.ES256, ours.kid(), claims("miniauth"));

		Reply reply = this.api.get("/user/me", "Authorization", "Bearer " + token);

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.code()).isEqualTo("TOKEN_REVOKED");
	}

	@Test
	void requestWhenGenuineTokenNamesAnotherUsersSessionThen401TokenInvalid() throws Exception {
		String victimToken = this.api.token("session-owner");
		String victimSid = SignedJWT.parse(victimToken).getJWTClaimsSet().getStringClaim("sid");
		SigningKeys.ActiveKey ours = this.keys.activeKey();
		JWTClaimsSet claims = new JWTClaimsSet.Builder(claims("miniauth")).subject("someone-else")
			.claim("sid", victimSid)
			.build();

		assertInvalid(sign(ours.signer(), JWSAlgorithm.ES256, ours.kid(), claims));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "no exp", "no sub", "blank sub", "no aud", "two audiences", "no sid", "blank sid",
			"sid not a string", "expired and no sid" })
	void requestWhenGenuineTokenLacksARequiredClaimThen401TokenInvalid(String lack) throws Exception {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(claims("miniauth"));
		switch (lack) {
			case "no exp" -> claims.expirationTime(null);
			case "no sub" -> claims.subject(null);
			case "blank sub" -> claims.subject(" ");
			case "no aud" -> claims.audience((String) null);
			case "two audiences" -> claims.audience(List.of("wxminiauthdemo0001", "wxother"));
			case "no sid" -> claims.claim("sid", null);
			case "blank sid" -> claims.claim("sid", "");
			case "sid not a string" -> claims.claim("sid", 42);
			// a token that is wrong in form is invalid, never merely expired
			case "expired and no sid" ->
				claims.claim("sid", null).expirationTime(Date.from(this.clock.instant().minusSeconds(60)));
			default -> throw new IllegalArgumentException(lack);
		}
		SigningKeys.ActiveKey ours = this.keys.activeKey();

		assertInvalid(sign(ours.signer(), JWSAlgorithm.ES256, ours.kid(), claims.build()));
	}

	@Test
	void requestWhenGenuineTokenNamesNoKeyThen401TokenInvalid() throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).build(), claims("miniauth"));
		jwt.sign(this.keys.activeKey().signer());

		assertInvalid(jwt.serialize());
	}

	@Test
	void requestWhenGenuinelySignedPayloadIsNotJsonThen401TokenInvalid() throws Exception {
		SigningKeys.ActiveKey ours = this.keys.activeKey();
		JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ours.kid()).build(),
				new Payload("not json"));
		jws.sign(ours.signer());

		assertInvalid(jws.serialize());
	}

	private void assertInvalid(String token) {
		Reply reply = this.api.get("/user/me", "Authorization", "Bearer " + token);
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.code()).isEqualTo("TOKEN_INVALID");
		assertThat(reply.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
	}

	private JWTClaimsSet claims(String issuer) {
		Instant now = this.clock.instant();
		return new JWTClaimsSet.Builder().issuer(issuer)
			.subject("no-such-user")
			.audience("wxminiauthdemo0001")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofHours(1))))
			.claim("sid", "no-such-session")
			.build();
	}

	private static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims)
			throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
		jwt.sign(signer);
		return jwt.serialize();
	}

}
