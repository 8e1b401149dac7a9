package io.miniauth.emulator.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and encrypts pushes as WeChat does (WXBizMsgCrypt): SHA-1 signatures over the
 * sorted parts, and AES-256-CBC under {@code Base64(EncodingAESKey + "=")} with the key's
 * first 16 bytes as IV, over {@code random(16) ‖ length(4, big-endian) ‖ message ‖ appid}
 * padded PKCS#7-style to 32-byte blocks.
 */
public final class PushSealer {

	private PushSealer() {
	}

	/**
	 * A push signature: lower-case hex SHA-1 of the parts sorted and joined.
	 * @param parts Token, timestamp, nonce (and {@code Encrypt} for
	 * {@code msg_signature})
	 * @return the signature
	 */
	public static String sign(String... parts) {
		String[] sorted = parts.clone();
		Arrays.sort(sorted);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1")
					.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-1 is missing", ex);
		}
	}

	/**
	 * Encrypts a message.
	 * @param encodingAesKey the app's EncodingAESKey
	 * @param random 16 random characters
	 * @param message the message
	 * @param appid the app
	 * @return the {@code Encrypt} value
	 */
	public static String encrypt(String encodingAesKey, String random, String message, String appid) {
		byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
		byte[] randomBytes = random.getBytes(StandardCharsets.UTF_8);
		byte[] messageBytes = message.getBytes(StandardCharsets.UTF_8);
		byte[] appidBytes = appid.getBytes(StandardCharsets.UTF_8);
		int length = randomBytes.length + 4 + messageBytes.length + appidBytes.length;
		int pad = 32 - (length % 32);
		ByteBuffer plain = ByteBuffer.allocate(length + pad);
		plain.put(randomBytes).putInt(messageBytes.length).put(messageBytes).put(appidBytes);
		for (int i = 0; i < pad; i++) {
			plain.put((byte) pad);
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
					new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
			return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt the push", ex);
		}
	}

}
