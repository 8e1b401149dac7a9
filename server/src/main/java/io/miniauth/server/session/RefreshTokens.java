package io.miniauth.server.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.miniauth.server.crypto.CryptoProvider;
import io.miniauth.server.crypto.SecretBox;
import io.miniauth.server.crypto.Sha256;

import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Makes refresh tokens and their storage hashes.
 * <p>
 * A refresh token is 256 bits: HMAC-SHA256, under a key derived from the key-encryption
 * key, of what it stands for. The first token of a session is derived from the login
 * code, each later one from the token it replaces. Nobody without the server's key can
 * guess one, and the server stores only SHA-256 hashes, yet it can hand out the same
 * token again when a client repeats a request: a repeated login code within the
 * idempotency window, or a refresh token presented twice within the reuse interval. That
 * is what lets both windows answer with the same result without keeping any token in
 * clear.
 */
@Component
public class RefreshTokens {

	private final SecretKeySpec key;

	private final CryptoProvider crypto;

	public RefreshTokens(SecretBox secretBox, CryptoProvider crypto) {
		Assert.notNull(secretBox, "secretBox cannot be null");
		Assert.notNull(crypto, "crypto cannot be null");
		this.crypto = crypto;
		this.key = new SecretKeySpec(secretBox.deriveKey("refresh-token/v1"), "HmacSHA256");
	}

	/**
	 * The first refresh token of the session a login code created.
	 * @param appid the app
	 * @param code the login code
	 * @return the token
	 */
	public String forLogin(String appid, String code) {
		return mac("login\n" + appid + "\n" + code);
	}

	/**
	 * The token that replaces a token on refresh.
	 * @param token the token being exchanged
	 * @return its successor
	 */
	public String successorOf(String token) {
		return mac("successor\n" + token);
	}

	/**
	 * The hash under which a token is stored.
	 * @param token the token
	 * @return lowercase hex SHA-256
	 */
	public static String hash(String token) {
		return Sha256.hex(token);
	}

	private String mac(String message) {
		try {
			Mac mac = this.crypto.mac("HmacSHA256");
			mac.init(this.key);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
