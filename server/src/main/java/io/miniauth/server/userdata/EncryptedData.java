package io.miniauth.server.userdata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.miniauth.server.web.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat's encrypted open data (the {@code encryptedData}/{@code iv} of
 * {@code wx.getUserInfo}, {@code getShareInfo}, {@code getWeRunData}): AES-128-CBC with
 * PKCS#7 padding, keyed with the Base64-decoded session_key, holding JSON with a
 * {@code watermark.appid} that must be this app's. WeChat's own SDKs leave the watermark
 * unchecked; this class does not.
 * <p>
 * A padding failure almost always means the session_key changed after the data was made
 * (the mini program called {@code wx.login} again), so it is reported as a stale key,
 * which the mini program cures by logging in and fetching the data again. Data that
 * decrypts but is not JSON has been altered.
 */
final class EncryptedData {

	private static final int BLOCK = 16;

	private EncryptedData() {
	}

	static JsonNode decrypt(String sessionKey, String encryptedData, String iv, String appid, JsonMapper json) {
		byte[] ivBytes = base64("iv", iv);
		if (ivBytes.length != BLOCK) {
			throw new InvalidRequestException("iv must be 16 bytes in Base64 (24 characters)");
		}
		byte[] ciphertext = base64("encryptedData", encryptedData);
		if (ciphertext.length == 0 || ciphertext.length % BLOCK != 0) {
			throw UserDataException.invalidEncryptedData("encryptedData is not a whole number of AES blocks");
		}
		byte[] plaintext;
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(sessionKey), "AES"),
					new IvParameterSpec(ivBytes));
			plaintext = cipher.doFinal(ciphertext);
		}
		catch (BadPaddingException ex) {
			throw UserDataException.sessionKeyStale();
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw UserDataException.invalidEncryptedData("encryptedData cannot be decrypted");
		}
		JsonNode data = parse(plaintext, json);
		if (!appid.equals(data.path("watermark").path("appid").asString(null))) {
			throw UserDataException.watermarkMismatch();
		}
		return data;
	}

	/**
	 * Checks {@code signature = sha1_hex(rawData + session_key)}.
	 */
	static void checkSignature(String rawData, String signature, String sessionKey) {
		try {
			byte[] expected = MessageDigest.getInstance("SHA-1")
				.digest((rawData + sessionKey).getBytes(StandardCharsets.UTF_8));
			byte[] given = HexFormat.of().parseHex(signature.toLowerCase(java.util.Locale.ROOT));
			if (!MessageDigest.isEqual(expected, given)) {
				throw UserDataException.signatureMismatch();
			}
		}
		catch (IllegalArgumentException ex) {
			throw UserDataException.signatureMismatch();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-1 is not available", ex);
		}
	}

	private static JsonNode parse(byte[] plaintext, JsonMapper json) {
		try {
			JsonNode data = json.readTree(new String(plaintext, StandardCharsets.UTF_8));
			if (data == null || !data.isObject()) {
				throw UserDataException.invalidEncryptedData("encryptedData does not hold a JSON object");
			}
			return data;
		}
		catch (JacksonException ex) {
			throw UserDataException.invalidEncryptedData("encryptedData was altered: it does not hold JSON");
		}
	}

	private static byte[] base64(String field, String value) {
		try {
			return Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(field
					+ " is not valid Base64 (a '+' turned into a space by form or URL encoding is a common cause)");
		}
	}

}
