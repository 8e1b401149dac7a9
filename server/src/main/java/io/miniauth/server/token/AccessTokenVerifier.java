package io.miniauth.server.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.crypto.Sha256;

import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Checks an access token: its form, algorithm (ES256 only), key, signature and issuer
 * first, and only then its expiry, so that a forged token is never reported as merely
 * expired.
 */
@Component
public class AccessTokenVerifier {

	private static final int MAX_REMEMBERED = 100_000;

	private final SigningKeys keys;

	private final String issuer;

	private final Clock clock;

	/** Verified tokens by SHA-256; bounded, and cleared when full. */
	private final Map<String, AccessToken> verified = new ConcurrentHashMap<>();

	public AccessTokenVerifier(SigningKeys keys, MiniAuthProperties properties, Clock clock) {
		Assert.notNull(keys, "keys cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.keys = keys;
		this.issuer = properties.token().issuer();
		this.clock = clock;
	}

	/**
	 * Verifies a compact JWT.
	 * @param token the token as the client sent it
	 * @return what the token says
	 * @throws TokenInvalidException when it is malformed, forged or not ours
	 * @throws TokenExpiredException when it is genuine but expired
	 */
	public AccessToken verify(String token) {
		// ES256 verification is most of the cost of an authenticated request: a token
		// verified once is remembered (by hash) until it expires; revocation is checked
		// per request elsewhere, against the session
		String key = Sha256.hex(token);
		AccessToken known = this.verified.get(key);
		if (known != null) {
			if (!this.clock.instant().isBefore(known.expiresAt())) {
				this.verified.remove(key);
				throw new TokenExpiredException();
			}
			return known;
		}
		AccessToken accessToken = verifySignatureAndClaims(token);
		if (this.verified.size() >= MAX_REMEMBERED) {
			this.verified.clear();
		}
		this.verified.put(key, accessToken);
		return accessToken;
	}

	private AccessToken verifySignatureAndClaims(String token) {
		SignedJWT jwt = parse(token);
		if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
			throw new TokenInvalidException("The access token is not signed with ES256");
		}
		ECDSAVerifier verifier = this.keys.verifier(jwt.getHeader().getKeyID());
		if (verifier == null) {
			throw new TokenInvalidException("The access token was signed by an unknown key");
		}
		if (!verify(jwt, verifier)) {
			throw new TokenInvalidException("The access token's signature is not valid");
		}
		JWTClaimsSet claims = claims(jwt);
		if (!this.issuer.equals(claims.getIssuer())) {
			throw new TokenInvalidException("The access token was issued by someone else");
		}
		Date expiration = claims.getExpirationTime();
		List<String> audience = claims.getAudience();
		String sessionId = sessionId(claims);
		if (expiration == null || !StringUtils.hasText(claims.getSubject()) || audience.size() != 1
				|| !StringUtils.hasText(sessionId)) {
			throw new TokenInvalidException("The access token lacks required claims");
		}
		Instant expiresAt = expiration.toInstant();
		if (!this.clock.instant().isBefore(expiresAt)) {
			throw new TokenExpiredException();
		}
		return new AccessToken(claims.getSubject(), audience.get(0), sessionId, expiresAt);
	}

	private static String sessionId(JWTClaimsSet claims) {
		try {
			return claims.getStringClaim(AccessTokenIssuer.SESSION_ID_CLAIM);
		}
		catch (ParseException ex) {
			return null;
		}
	}

	private static SignedJWT parse(String token) {
		try {
			return SignedJWT.parse(token);
		}
		catch (ParseException | RuntimeException ex) {
			throw new TokenInvalidException("The access token is malformed");
		}
	}

	private static boolean verify(SignedJWT jwt, ECDSAVerifier verifier) {
		try {
			return jwt.verify(verifier);
		}
		catch (JOSEException | RuntimeException ex) {
			return false;
		}
	}

	private static JWTClaimsSet claims(SignedJWT jwt) {
		try {
			return jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw new TokenInvalidException("The access token's claims are malformed");
		}
	}

}
