package io.miniauth.server.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.util.Assert;

/**
 * Seals secrets at rest with the key-encryption key: AES-256-GCM with a random 96-bit
 * nonce, and a context string as associated data so that a sealed value cannot be moved
 * to another row or purpose. A sealed value reads
 * {@code v1.<base64url(nonce|ciphertext)>}.
 */
public final class SecretBox {

	private static final String PREFIX = "v1.";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final CryptoProvider crypto;

	private final SecureRandom random;

	/**
	 * A box on the JDK's own providers.
	 * @param key the 32-byte key-encryption key
	 */
	public SecretBox(byte[] key) {
		this(key, CryptoProvider.jdk());
	}

	/**
	 * @param key the 32-byte key-encryption key
	 * @param crypto the provider that encrypts
	 */
	public SecretBox(byte[] key, CryptoProvider crypto) {
		Assert.notNull(key, "key cannot be null");
		Assert.isTrue(key.length == 32, "key must be 32 bytes");
		Assert.notNull(crypto, "crypto cannot be null");
		this.key = new SecretKeySpec(key.clone(), "AES");
		this.crypto = crypto;
		this.random = crypto.secureRandom();
	}

	/**
	 * Encrypts a secret.
	 * @param plaintext the secret
	 * @param context what the secret is and whose (for example
	 * {@code "session-key:wx...:o..."}); the same context is needed to open it
	 * @return the sealed value
	 */
	public String seal(String plaintext, String context) {
		Assert.notNull(plaintext, "plaintext cannot be null");
		Assert.hasText(context, "context cannot be empty");
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = this.crypto.cipher("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = new byte[nonce.length + ciphertext.length];
			System.arraycopy(nonce, 0, sealed, 0, nonce.length);
			System.arraycopy(ciphertext, 0, sealed, nonce.length, ciphertext.length);
			return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt", ex);
		}
	}

	/**
	 * Decrypts a sealed secret.
	 * @param sealed the sealed value
	 * @param context the context it was sealed with
	 * @return the secret
	 * @throws IllegalStateException when the value was sealed with another key or
	 * context, or was altered
	 */
	public String open(String sealed, String context) {
		Assert.notNull(sealed, "sealed cannot be null");
		Assert.hasText(context, "context cannot be empty");
		if (!sealed.startsWith(PREFIX)) {
			throw new IllegalStateException("Not a sealed value");
		}
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
			Cipher cipher = this.crypto.cipher("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] plaintext = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
			return new String(plaintext, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot decrypt: wrong key-encryption key, wrong context, or altered data");
		}
	}

	/**
	 * A key for another purpose, derived from the key-encryption key with HMAC-SHA256, so
	 * that one configured secret serves several uses without reusing the key itself.
	 * @param label the purpose
	 * @return 32 derived bytes
	 */
	public byte[] deriveKey(String label) {
		Assert.hasText(label, "label cannot be empty");
		try {
			Mac mac = this.crypto.mac("HmacSHA256");
			mac.init(new SecretKeySpec(this.key.getEncoded(), "HmacSHA256"));
			return mac.doFinal(("miniauth/" + label).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot derive a key", ex);
		}
	}

}
