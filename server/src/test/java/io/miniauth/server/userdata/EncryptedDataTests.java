package io.miniauth.server.userdata;

import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import io.miniauth.server.problem.InvalidRequestException;
import io.miniauth.server.problem.MiniAuthException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * {@link EncryptedData} against WeChat's official sample (the WXBizDataCrypt vector).
 */
class EncryptedDataTests {

	private static final String APPID = "wx4f4bc4dec97d474b";

	private static final String SESSION_KEY = "tiihtNczf5v6AKRyjwEUhQ==";

	private static final String IV = "r7BXXKkLb8qrSNn05n0qiA==";

	private static final String ENCRYPTED_DATA = "CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS"
			+ "9uT5geRa0W4oTOb1WT7fJlAC+oNPdbB+3hVbJSRgv+4lGOETKUQz6OYStslQ142dNCuabNPGBzlooOmB231qMM85d2/fV6Ch"
			+ "evvXvQP8Hkue1poOFtnEtpyxVLW1zAo6/1Xx1COxFvrc2d7UL/lmHInNlxuacJXwu0fjpXfz/YqYzBIBzD6WUfTIF9GRHpOn"
			+ "/Hz7saL8xz+W//FRAUid1OksQaQx4CMs8LOddcQhULW4ucetDf96JcR3g0gfRK4PC7E/r7Z6xNrXd2UIeorGj5Ef7b1pJAYB"
			+ "6Y5anaHqZ9J6nKEBvB4DnNLIVWSgARns/8wR2SiRS7MNACwTyrGvt9ts8p12PKFdlqYTopNHR1Vf7XjfhQlVsAJdNiKdYmYV"
			+ "oKlaRv85IfVunYzO0IKXsyl7JCUjCpoG20f0a04COwfneQAGGwd5oa+T8yO5hzuyDb/XcxxmK01EpqOyuxINew==";

	private static final String RAW_DATA = "{\"nickName\":\"Band\",\"gender\":1,\"language\":\"zh_CN\",\"city\":\"Guangzhou\","
			+ "\"province\":\"Guangdong\",\"country\":\"CN\",\"avatarUrl\":\"http://wx.qlogo.cn/mmopen/vi_32/"
			+ "1vZvI39NWFQ9XM4LtQpFrQJ1xlgZxx3w7bQxKARol6503Iuswjjn6nIGBiaycAjAtpujxyzYsrztuuICqIM5ibXQ/0\"}";

	private static final String OTHER_KEY = "HyVFkGl5F5OQWJZZaNzBBg==";

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void decryptWhenOfficialSampleThenUserInfoWithWatermark() {
		JsonNode data = EncryptedData.decrypt(SESSION_KEY, Optional::empty, ENCRYPTED_DATA, IV, APPID, this.json);

		assertThat(data.get("openId").asString()).isEqualTo("oGZUI0egBJY1zhBYw2KhdUfwVJJE");
		assertThat(data.get("nickName").asString()).isEqualTo("Band");
		assertThat(data.get("unionId").asString()).isEqualTo("ocMvos6NjeKLIBqg5Mr9QjxrP1FA");
		assertThat(data.at("/watermark/timestamp").asLong()).isEqualTo(1477314187L);
	}

	@Test
	void decryptWhenCurrentKeyFitsThenPreviousKeyNotOpened() {
		JsonNode data = EncryptedData.decrypt(SESSION_KEY, () -> {
			throw new AssertionError("the previous key was opened");
		}, ENCRYPTED_DATA, IV, APPID, this.json);

		assertThat(data.get("nickName").asString()).isEqualTo("Band");
	}

	@Test
	void decryptWhenMadeForAnotherAppThenWatermarkMismatch() {
		assertThatExceptionOfType(MiniAuthException.class)
			.isThrownBy(() -> EncryptedData.decrypt(SESSION_KEY, Optional::empty, ENCRYPTED_DATA, IV,
					"wxotherapp000000", this.json))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("WATERMARK_MISMATCH"));
	}

	@Test
	void decryptWhenMadeWithThePreviousSessionKeyThenSessionKeyStale() {
		assertThatExceptionOfType(MiniAuthException.class)
			.isThrownBy(() -> EncryptedData.decrypt(OTHER_KEY, () -> Optional.of(SESSION_KEY), ENCRYPTED_DATA, IV,
					APPID, this.json))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("SESSION_KEY_STALE");
				assertThat(ex.status().value()).isEqualTo(409);
			});
	}

	@Test
	void decryptWhenNeitherKeyFitsThenInvalidEncryptedData() {
		assertThatExceptionOfType(MiniAuthException.class)
			.isThrownBy(() -> EncryptedData.decrypt(OTHER_KEY, () -> Optional.of(OTHER_KEY), ENCRYPTED_DATA, IV, APPID,
					this.json))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("INVALID_ENCRYPTED_DATA"));
	}

	@Test
	void decryptWhenPaddingBrokenOrJsonBrokenThenTheSameAnswerSoNoPaddingOracle() {
		byte[] bytes = Base64.getDecoder().decode(ENCRYPTED_DATA);
		byte[] lastBlockAltered = bytes.clone();
		lastBlockAltered[bytes.length - 1] ^= 0x01;
		String brokenPadding = Base64.getEncoder().encodeToString(lastBlockAltered);
		String brokenJson = "D" + ENCRYPTED_DATA.substring(1);

		MiniAuthException padding = catchMiniAuth(
				() -> EncryptedData.decrypt(SESSION_KEY, Optional::empty, brokenPadding, IV, APPID, this.json));
		MiniAuthException notJson = catchMiniAuth(
				() -> EncryptedData.decrypt(SESSION_KEY, Optional::empty, brokenJson, IV, APPID, this.json));

		assertThat(padding.code()).isEqualTo(notJson.code()).isEqualTo("INVALID_ENCRYPTED_DATA");
		assertThat(padding.status()).isEqualTo(notJson.status());
		assertThat(padding.getMessage()).isEqualTo(notJson.getMessage());
	}

	@Test
	void decryptWhenFirstBlockAlteredThenInvalidEncryptedData() {
		String altered = "D" + ENCRYPTED_DATA.substring(1);

		assertThatExceptionOfType(MiniAuthException.class)
			.isThrownBy(() -> EncryptedData.decrypt(SESSION_KEY, Optional::empty, altered, IV, APPID, this.json))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("INVALID_ENCRYPTED_DATA"));
	}

	@Test
	void decryptWhenIvIsNotSixteenBytesThenInvalidRequest() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> EncryptedData.decrypt(SESSION_KEY, Optional::empty, ENCRYPTED_DATA,
					"r7BXXKkLb8qrSNn05n0q", APPID, this.json))
			.withMessageContaining("iv");
	}

	@Test
	void decryptWhenPlusTurnedIntoSpaceThenInvalidRequestNamingTheCause() {
		String mangled = ENCRYPTED_DATA.replace('+', ' ');

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> EncryptedData.decrypt(SESSION_KEY, Optional::empty, mangled, IV, APPID, this.json))
			.withMessageContaining("Base64");
	}

	private static MiniAuthException catchMiniAuth(Runnable call) {
		try {
			call.run();
		}
		catch (MiniAuthException ex) {
			return ex;
		}
		throw new AssertionError("expected a MiniAuthException");
	}

	@Test
	void checkSignatureWhenOfficialSampleThenAccepted() {
		assertThatNoException().isThrownBy(() -> EncryptedData.checkSignature(RAW_DATA,
				"75e81ceda165f4ffa64f4068af58c64b8f54b88c", "HyVFkGl5F5OQWJZZaNzBBg=="));
	}

	@Test
	void checkSignatureWhenMismatchThenSignatureMismatch() {
		assertThatExceptionOfType(MiniAuthException.class)
			.isThrownBy(() -> EncryptedData.checkSignature(RAW_DATA, "75e81ceda165f4ffa64f4068af58c64b8f54b88d",
					"HyVFkGl5F5OQWJZZaNzBBg=="))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("SIGNATURE_MISMATCH"));
		assertThatExceptionOfType(MiniAuthException.class)
			.isThrownBy(() -> EncryptedData.checkSignature(RAW_DATA, "fake_sign", "HyVFkGl5F5OQWJZZaNzBBg=="));
	}

}
