package io.miniauth.server.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens the {@code Encrypt} value of a push in secure mode (WXBizMsgCrypt): AES-256-CBC
 * under {@code Base64(EncodingAESKey + "=")}, IV the key's first 16 bytes, PKCS#7 padding
 * to 32-byte blocks (not JCE's PKCS5Padding), and inside: 16 random bytes, the message's
 * length (4 bytes, big-endian), the message, and the appid, which must be ours.
 */
final class PushCipher {

	private PushCipher() {
	}

	/**
	 * Decrypts a push.
	 * @param encodingAesKey the app's EncodingAESKey
	 * @param encrypt the {@code Encrypt} value
	 * @param appid the app the push must be for
	 * @return the message
	 * @throws MalformedPushException when it does not decrypt, or is for another app
	 */
	static String open(String encodingAesKey, String encrypt, String appid) {
		byte[] key;
		byte[] plain;
		try {
			key = Base64.getDecoder().decode(encodingAesKey + "=");
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
					new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
			plain = cipher.doFinal(Base64.getDecoder().decode(encrypt));
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			throw new MalformedPushException("The push does not decrypt with the app's EncodingAESKey");
		}
		int pad = (plain.length > 0) ? plain[plain.length - 1] : 0;
		if (pad < 1 || pad > 32 || plain.length - pad < 20) {
			throw new MalformedPushException("The decrypted push is not padded as WeChat pads");
		}
		int end = plain.length - pad;
		int length = ByteBuffer.wrap(plain, 16, 4).getInt();
		if (length < 0 || 20 + length > end) {
			throw new MalformedPushException("The decrypted push has a wrong length");
		}
		String message = new String(plain, 20, length, StandardCharsets.UTF_8);
		String receiver = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
		if (!receiver.equals(appid)) {
			throw new MalformedPushException("The push was encrypted for another app");
		}
		return message;
	}

}
