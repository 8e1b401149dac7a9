package io.miniauth.server.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.miniauth.server.config.MiniAuthProperties;

import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Issues access tokens: ES256-signed JWTs whose header names the signing key
 * ({@code kid}) and whose claims are {@code iss}, {@code sub} (the user's public id),
 * {@code aud} (the appid), {@code iat}, {@code exp}, a unique {@code jti}, {@code sid}
 * (the session), {@code ext} (the user's id in the backend they were imported from, left
 * out for users who were never imported) and {@code pid} (the person, shared by users
 * linked by phone number).
 */
@Component
public class AccessTokenIssuer {

	/**
	 * The {@code typ} of an access token: {@code JWT}, not RFC 9068's {@code at+jwt},
	 * because the default verifiers of Nimbus and of Spring Security 6.5's
	 * {@code NimbusJwtDecoder} (Spring Boot 3.5 resource servers) refuse {@code at+jwt}.
	 */
	public static final JOSEObjectType ACCESS_TOKEN_TYPE = JOSEObjectType.JWT;

	/** The claim that names the token's session. */
	public static final String SESSION_ID_CLAIM = "sid";

	/** The claim that carries the user's id from the backend they were imported from. */
	public static final String EXTERNAL_ID_CLAIM = "ext";

	/** The claim that names the token user's person. */
	public static final String PERSON_ID_CLAIM = "pid";

	private final SigningKeys keys;

	private final String issuer;

	private final Duration lifetime;

	private final Clock clock;

	public AccessTokenIssuer(SigningKeys keys, MiniAuthProperties properties, Clock clock) {
		Assert.notNull(keys, "keys cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.keys = keys;
		this.issuer = properties.token().issuer();
		this.lifetime = properties.token().lifetime();
		this.clock = clock;
	}

	/**
	 * Signs a token for a user of an app.
	 * @param userId the user's public id
	 * @param appid the app
	 * @param sessionId the session the token belongs to
	 * @param externalId the user's imported id, or {@code null}
	 * @return the token
	 */
	public IssuedToken issue(String userId, String appid, String sessionId, String externalId) {
		return issue(userId, appid, sessionId, externalId, null);
	}

	/**
	 * Signs a token for a user of an app who is part of a person.
	 * @param userId the user's public id
	 * @param appid the app
	 * @param sessionId the session the token belongs to
	 * @param externalId the user's imported id, or {@code null}
	 * @param personId the user's person, or {@code null} to leave the claim out
	 * @return the token
	 */
	public IssuedToken issue(String userId, String appid, String sessionId, String externalId, String personId) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant expiresAt = now.plus(this.lifetime);
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.subject(userId)
			.audience(appid)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString())
			.claim(SESSION_ID_CLAIM, sessionId)
			.claim(EXTERNAL_ID_CLAIM, externalId)
			.claim(PERSON_ID_CLAIM, personId)
			.build();
		SigningKeys.ActiveKey key = this.keys.activeKey();
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.kid()).type(ACCESS_TOKEN_TYPE).build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(key.signer());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign an access token", ex);
		}
		return new IssuedToken(jwt.serialize(), this.lifetime.toSeconds());
	}

}
