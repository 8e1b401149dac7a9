package io.miniauth.server.userdata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

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
 * Every way decryption can fail (bad padding, not JSON, not an object) gets one and the
 * same answer. Telling bad padding apart would be a padding oracle: the caller chooses
 * {@code iv} and ciphertext, and could use the difference to make the service vouch for
 * data WeChat never sent. Data made with the user's previous session_key (the mini
 * program logged in again after fetching it) is told apart in another way, by decrypting
 * it with that previous key, which the caller does not know.
 */
final class EncryptedData {

	private static final int BLOCK = 16;

	private EncryptedData() {
	}

	/**
	 * Decrypts and checks the data.
	 * @param sessionKey the user's current session_key
	 * @param previousSessionKey the user's session_key before their latest login, if any;
	 * asked for only when the data does not decrypt under the current one
	 * @param encryptedData the ciphertext, Base64
	 * @param iv the initialization vector, Base64
	 * @param appid the user's app
	 * @param json reads the plaintext
	 * @return the data
	 * @throws UserDataException when the data is stale, invalid, or for another app
	 */
	static JsonNode decrypt(String sessionKey, Supplier<Optional<String>> previousSessionKey, String encryptedData,
			String iv, String appid, JsonMapper json) {
		byte[] ivBytes = base64("iv", iv);
		if (ivBytes.length != BLOCK) {
			throw new InvalidRequestException("invalid.iv-length", "iv must be 16 bytes in Base64 (24 characters)");
		}
		byte[] ciphertext = base64("encryptedData", encryptedData);
		if (ciphertext.length == 0 || ciphertext.length % BLOCK != 0) {
			throw new InvalidRequestException("invalid.encrypted-data-blocks",
					"encryptedData is not a whole number of AES blocks");
		}
		JsonNode data = open(sessionKey, ciphertext, ivBytes, json);
		if (data == null) {
			boolean madeWithPreviousKey = previousSessionKey.get()
				.map((previous) -> open(previous, ciphertext, ivBytes, json))
				.filter((old) -> appid.equals(old.path("watermark").path("appid").asString(null)))
				.isPresent();
			throw madeWithPreviousKey ? UserDataException.sessionKeyStale() : UserDataException.invalidEncryptedData();
		}
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
			byte[] given = HexFormat.of().parseHex(signature.toLowerCase(Locale.ROOT));
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

	/**
	 * Checks that the decrypted data holds what the signed {@code rawData} says: every
	 * member of {@code rawData} with the same value. AES-CBC has no MAC, so whoever holds
	 * {@code encryptedData} can rewrite its first 16 bytes by changing {@code iv}: only
	 * the signature, which needs the session_key, vouches for content. The decrypted data
	 * may hold more than {@code rawData} (WeChat adds the {@code watermark}, and for user
	 * info {@code openId} and {@code unionId}); those members are not vouched for.
	 * @param data the decrypted data
	 * @param rawData the signed raw JSON text, already checked against its signature
	 * @param json reads {@code rawData}
	 * @throws UserDataException when they differ
	 */
	static void checkHoldsRawData(JsonNode data, String rawData, JsonMapper json) {
		JsonNode raw;
		try {
			raw = json.readTree(rawData);
		}
		catch (JacksonException ex) {
			throw UserDataException.rawDataMismatch();
		}
		if (raw == null || !raw.isObject()) {
			throw UserDataException.rawDataMismatch();
		}
		for (String name : raw.propertyNames()) {
			if (!raw.get(name).equals(data.get(name))) {
				throw UserDataException.rawDataMismatch();
			}
		}
	}

	/**
	 * The JSON object the data decrypts to under a key, or {@code null} for any failure:
	 * the reasons are deliberately not told apart.
	 */
	private static JsonNode open(String sessionKey, byte[] ciphertext, byte[] iv, JsonMapper json) {
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(sessionKey), "AES"),
					new IvParameterSpec(iv));
			JsonNode data = json.readTree(new String(cipher.doFinal(ciphertext), StandardCharsets.UTF_8));
			return (data != null && data.isObject()) ? data : null;
		}
		catch (GeneralSecurityException | IllegalArgumentException | JacksonException ex) {
			return null;
		}
	}

	private static byte[] base64(String field, String value) {
		try {
			return Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("invalid.base64", field
					+ " is not valid Base64 (a '+' turned into a space by form or URL encoding is a common cause)",
					field);
		}
	}

}
