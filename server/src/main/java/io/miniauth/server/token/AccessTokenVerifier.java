package io.miniauth.server.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.crypto.Sha256;

import org.springframework.beans.factory.annotation.Autowired;
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

	private final int capacity;

	private final ReentrantLock eviction = new ReentrantLock();

	private final SigningKeys keys;

	private final String issuer;

	private final Clock clock;

	/** Verified tokens by SHA-256, at most {@link #capacity}. */
	private final Map<String, AccessToken> verified = new ConcurrentHashMap<>();

	@Autowired
	public AccessTokenVerifier(SigningKeys keys, MiniAuthProperties properties, Clock clock) {
		this(keys, properties, clock, MAX_REMEMBERED);
	}

	AccessTokenVerifier(SigningKeys keys, MiniAuthProperties properties, Clock clock, int capacity) {
		Assert.notNull(keys, "keys cannot be null");
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.keys = keys;
		this.issuer = properties.token().issuer();
		this.clock = clock;
		this.capacity = capacity;
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
		if (this.verified.size() >= this.capacity) {
			makeRoom();
		}
		this.verified.put(key, accessToken);
		return accessToken;
	}

	/**
	 * Whether a token is remembered as verified.
	 * @param token the token
	 * @return whether its next check skips the signature
	 */
	boolean remembers(String token) {
		return this.verified.containsKey(Sha256.hex(token));
	}

	/**
	 * Forgets the expired tokens; when that is not enough, also some live ones (in no
	 * particular order), down to three quarters of the capacity, so that the clients
	 * whose tokens stay remembered keep skipping the signature check and the next tokens
	 * find room. One thread does it while the others go on.
	 */
	private void makeRoom() {
		if (!this.eviction.tryLock()) {
			return;
		}
		try {
			Instant now = this.clock.instant();
			this.verified.values().removeIf((known) -> !now.isBefore(known.expiresAt()));
			Iterator<String> keys = this.verified.keySet().iterator();
			while (this.verified.size() > this.capacity * 3 / 4 && keys.hasNext()) {
				keys.next();
				keys.remove();
			}
		}
		finally {
			this.eviction.unlock();
		}
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
