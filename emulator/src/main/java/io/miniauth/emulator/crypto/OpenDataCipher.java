package io.miniauth.emulator.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.util.Assert;

/**
 * WeChat's open-data cryptography: {@code encryptedData} is AES-128-CBC with PKCS#7
 * padding, keyed with the Base64-decoded {@code session_key}; {@code signature} is
 * {@code sha1_hex(rawData + session_key)}, the key appended as text.
 */
public final class OpenDataCipher {

	private static final String TRANSFORMATION = "AES/CBC/PKCS5Padding";

	private static final int BLOCK_BYTES = 16;

	private OpenDataCipher() {
	}

	/**
	 * Encrypts UTF-8 text as WeChat does.
	 * @param sessionKey the user's {@code session_key} (Base64 of 16 bytes)
	 * @param iv the 16-byte initialisation vector
	 * @param plaintext the JSON to encrypt
	 * @return the Base64 ciphertext ({@code encryptedData})
	 */
	public static String encrypt(String sessionKey, byte[] iv, String plaintext) {
		Assert.notNull(plaintext, "plaintext cannot be null");
		byte[] ciphertext = run(Cipher.ENCRYPT_MODE, sessionKey, iv, plaintext.getBytes(StandardCharsets.UTF_8));
		return Base64.getEncoder().encodeToString(ciphertext);
	}

	/**
	 * Decrypts {@code encryptedData} as a mini program backend does.
	 * @param sessionKey the user's {@code session_key} (Base64 of 16 bytes)
	 * @param iv the Base64 initialisation vector
	 * @param encryptedData the Base64 ciphertext
	 * @return the UTF-8 plaintext
	 * @throws IllegalArgumentException when the key is wrong or the data damaged
	 */
	public static String decrypt(String sessionKey, String iv, String encryptedData) {
		Assert.notNull(iv, "iv cannot be null");
		Assert.notNull(encryptedData, "encryptedData cannot be null");
		byte[] plaintext = run(Cipher.DECRYPT_MODE, sessionKey, Base64.getDecoder().decode(iv),
				Base64.getDecoder().decode(encryptedData));
		return new String(plaintext, StandardCharsets.UTF_8);
	}

	/**
	 * The {@code signature} WeChat sends with {@code rawData}.
	 * @param rawData the raw JSON text
	 * @param sessionKey the user's {@code session_key}, as text
	 * @return the lowercase hex SHA-1
	 */
	public static String rawDataSignature(String rawData, String sessionKey) {
		Assert.notNull(rawData, "rawData cannot be null");
		Assert.notNull(sessionKey, "sessionKey cannot be null");
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1")
				.digest((rawData + sessionKey).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-1 is not available", ex);
		}
	}

	private static byte[] run(int mode, String sessionKey, byte[] iv, byte[] input) {
		Assert.notNull(sessionKey, "sessionKey cannot be null");
		Assert.isTrue(iv != null && iv.length == BLOCK_BYTES, "iv must be 16 bytes");
		byte[] key = Base64.getDecoder().decode(sessionKey);
		Assert.isTrue(key.length == BLOCK_BYTES, "sessionKey must be Base64 of 16 bytes");
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("The data cannot be "
					+ ((mode == Cipher.ENCRYPT_MODE) ? "encrypted" : "decrypted") + " with this key", ex);
		}
	}

}
