package io.miniauth.emulator.crypto;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Produces what a phone receives from {@code getUserInfo}-style APIs: the data as
 * {@code rawData} with its {@code signature}, and the same data plus a {@code watermark}
 * as {@code encryptedData} under a fresh random {@code iv}.
 */
public final class OpenDataSealer {

	private static final int IV_BYTES = 16;

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private final JsonMapper jsonMapper;

	public OpenDataSealer(Clock clock, JsonMapper jsonMapper) {
		Assert.notNull(clock, "clock cannot be null");
		Assert.notNull(jsonMapper, "jsonMapper cannot be null");
		this.clock = clock;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Seals data for an app's user.
	 * @param appid the app, written into the watermark
	 * @param sessionKey the user's current {@code session_key}
	 * @param data the open data, in the order its fields should appear
	 * @return the four values a phone hands the mini program
	 */
	public SealedData seal(String appid, String sessionKey, Map<String, Object> data) {
		Assert.hasText(appid, "appid cannot be empty");
		Assert.hasText(sessionKey, "sessionKey cannot be empty");
		Assert.notNull(data, "data cannot be null");
		String rawData = this.jsonMapper.writeValueAsString(data);
		Map<String, Object> watermarked = new LinkedHashMap<>(data);
		Map<String, Object> watermark = new LinkedHashMap<>();
		watermark.put("timestamp", this.clock.instant().getEpochSecond());
		watermark.put("appid", appid);
		watermarked.put("watermark", watermark);
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		String encryptedData = OpenDataCipher.encrypt(sessionKey, iv, this.jsonMapper.writeValueAsString(watermarked));
		return new SealedData(encryptedData, Base64.getEncoder().encodeToString(iv), rawData,
				OpenDataCipher.rawDataSignature(rawData, sessionKey));
	}

	/**
	 * The values a phone hands the mini program.
	 *
	 * @param encryptedData Base64 AES-128-CBC of the data plus watermark
	 * @param iv Base64 of the 16-byte iv
	 * @param rawData the data as JSON, without watermark
	 * @param signature {@code sha1_hex(rawData + session_key)}
	 */
	public record SealedData(String encryptedData, String iv, String rawData, String signature) {
	}

}
