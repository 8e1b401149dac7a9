package io.miniauth.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-request cryptography of MiniAuth, measured on its own. These benchmarks do not
 * call the server's classes (the server ships as a Spring Boot fat jar); they perform the
 * same operations with the same library and JCA calls:
 * <ul>
 * <li>{@code AccessTokenIssuer}: ES256 JWT with kid/typ header and iss, sub, aud, iat,
 * exp, jti, sid claims, signed with Nimbus {@link ECDSASigner} (P-256), for a known user
 * and session, with a fresh random jti;</li>
 * <li>{@code AccessTokenVerifier}, the first time it sees a token: parse,
 * {@link ECDSAVerifier}, read the claims;</li>
 * <li>{@code RefreshTokens}: HMAC-SHA256 of {@code "successor\n" + token} to make the
 * 43-character token that replaces it, and SHA-256 hex of a token for the database;</li>
 * <li>{@code SecretBox}: AES-256-GCM, random 96-bit nonce, context as AAD, Base64url, of a
 * 24-character WeChat session_key.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CryptoBenchmarks {

	private ECDSASigner signer;

	private ECDSAVerifier verifier;

	private String kid;

	private String userId;

	private String sessionId;

	private String token;

	private String refreshToken;

	private SecretKeySpec refreshKey;

	private SecretKeySpec kek;

	private final SecureRandom random = new SecureRandom();

	private static final String SESSION_KEY = "o0q0otL8aEzpcZL/FT9WsQ==";

	private static final String CONTEXT = "session-key:wxminiauthdemo0001:op96gqMZ-ONYhZyCi1VNvPU4N6oO";

	private String sealed;

	@Setup
	public void setup() throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
		this.kid = key.getKeyID();
		this.userId = UUID.randomUUID().toString();
		this.sessionId = UUID.randomUUID().toString();
		this.signer = new ECDSASigner(key);
		this.verifier = new ECDSAVerifier(key.toPublicJWK());
		this.token = signToken();
		byte[] k = new byte[32];
		this.random.nextBytes(k);
		this.refreshKey = new SecretKeySpec(k, "HmacSHA256");
		// a session's first token, as RefreshTokens.forLogin makes it
		this.refreshToken = mac("login\nwxminiauthdemo0001\n" + UUID.randomUUID());
		byte[] kekBytes = new byte[32];
		this.random.nextBytes(kekBytes);
		this.kek = new SecretKeySpec(kekBytes, "AES");
		this.sealed = seal();
	}

	@Benchmark
	public String tokenSign() throws Exception {
		return signToken();
	}

	/**
	 * A first verification: the signature check and the claims. The server remembers a
	 * token it has verified (by its SHA-256) until it expires, so a client's later requests
	 * with the same token cost a hash and a map lookup instead; this measures the first.
	 */
	@Benchmark
	public JWTClaimsSet tokenVerify() throws Exception {
		SignedJWT jwt = SignedJWT.parse(this.token);
		if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(this.verifier)) {
			throw new IllegalStateException("bad signature");
		}
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		claims.getStringClaim("sid");
		return claims;
	}

	/** The successor of a refresh token, as {@code RefreshTokens.successorOf} makes it. */
	@Benchmark
	public String refreshTokenMint() throws Exception {
		return mac("successor\n" + this.refreshToken);
	}

	@Benchmark
	public String refreshTokenHash() throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(this.refreshToken.getBytes(StandardCharsets.UTF_8)));
	}

	@Benchmark
	public String sessionKeySeal() throws Exception {
		return seal();
	}

	@Benchmark
	public String sessionKeyOpen() throws Exception {
		byte[] bytes = Base64.getUrlDecoder().decode(this.sealed.substring(3));
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, this.kek, new GCMParameterSpec(128, bytes, 0, 12));
		cipher.updateAAD(CONTEXT.getBytes(StandardCharsets.UTF_8));
		return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
	}

	private String signToken() throws Exception {
		long now = System.currentTimeMillis() / 1000 * 1000;
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("miniauth")
			.subject(this.userId)
			.audience("wxminiauthdemo0001")
			.issueTime(new Date(now))
			.expirationTime(new Date(now + 7_200_000))
			.jwtID(UUID.randomUUID().toString())
			.claim("sid", this.sessionId)
			.build();
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(this.kid).type(JOSEObjectType.JWT).build();
		SignedJWT jwt = new SignedJWT(header, claims);
		jwt.sign(this.signer);
		return jwt.serialize();
	}

	private String mac(String message) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(this.refreshKey);
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
	}

	private String seal() throws Exception {
		byte[] nonce = new byte[12];
		this.random.nextBytes(nonce);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, this.kek, new GCMParameterSpec(128, nonce));
		cipher.updateAAD(CONTEXT.getBytes(StandardCharsets.UTF_8));
		byte[] ciphertext = cipher.doFinal(SESSION_KEY.getBytes(StandardCharsets.UTF_8));
		byte[] out = new byte[nonce.length + ciphertext.length];
		System.arraycopy(nonce, 0, out, 0, nonce.length);
		System.arraycopy(ciphertext, 0, out, nonce.length, ciphertext.length);
		return "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
	}

}
