package io.miniauth.emulator.crypto;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Checks the cipher against the official WXBizDataCrypt sample and the signature example
 * of WeChat's open-data documentation.
 */
class OpenDataCipherTests {

	static final String SESSION_KEY = "tiihtNczf5v6AKRyjwEUhQ==";

	static final String IV = "r7BXXKkLb8qrSNn05n0qiA==";

	static final String ENCRYPTED_DATA = "CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS"
			+ "9uT5geRa0W4oTOb1WT7fJlAC+oNPdbB+3hVbJSRgv+4lGOETKUQz6OYStslQ142dNCuabNPGBzlooOmB231qMM85d2/fV6Ch"
			+ "evvXvQP8Hkue1poOFtnEtpyxVLW1zAo6/1Xx1COxFvrc2d7UL/lmHInNlxuacJXwu0fjpXfz/YqYzBIBzD6WUfTIF9GRHpOn"
			+ "/Hz7saL8xz+W//FRAUid1OksQaQx4CMs8LOddcQhULW4ucetDf96JcR3g0gfRK4PC7E/r7Z6xNrXd2UIeorGj5Ef7b1pJAYB"
			+ "6Y5anaHqZ9J6nKEBvB4DnNLIVWSgARns/8wR2SiRS7MNACwTyrGvt9ts8p12PKFdlqYTopNHR1Vf7XjfhQlVsAJdNiKdYmYV"
			+ "oKlaRv85IfVunYzO0IKXsyl7JCUjCpoG20f0a04COwfneQAGGwd5oa+T8yO5hzuyDb/XcxxmK01EpqOyuxINew==";

	static final String PLAINTEXT = "{\"openId\":\"oGZUI0egBJY1zhBYw2KhdUfwVJJE\",\"nickName\":\"Band\",\"gender\":1,"
			+ "\"language\":\"zh_CN\",\"city\":\"Guangzhou\",\"province\":\"Guangdong\",\"country\":\"CN\","
			+ "\"avatarUrl\":\"http://wx.qlogo.cn/mmopen/vi_32/aSKcBBPpibyKNicHNTMM0qJVh8Kjgiak2AHWr8MHM4WgMEm7GFhsf8O"
			+ "YrySdbvAMvTsw3mo8ibKicsnfN5pRjl1p8HQ/0\",\"unionId\":\"ocMvos6NjeKLIBqg5Mr9QjxrP1FA\","
			+ "\"watermark\":{\"timestamp\":1477314187,\"appid\":\"wx4f4bc4dec97d474b\"}}";

	private static final String BAND_RAW_DATA = "{\"nickName\":\"Band\",\"gender\":1,\"language\":\"zh_CN\","
			+ "\"city\":\"Guangzhou\",\"province\":\"Guangdong\",\"country\":\"CN\","
			+ "\"avatarUrl\":\"http://wx.qlogo.cn/mmopen/vi_32/1vZvI39NWFQ9XM4LtQpFrQJ1xlgZxx3w7bQxKARol6503Iuswjjn6nI"
			+ "GBiaycAjAtpujxyzYsrztuuICqIM5ibXQ/0\"}";

	@Test
	void decryptWhenOfficialSampleThenOfficialPlaintext() {
		assertThat(OpenDataCipher.decrypt(SESSION_KEY, IV, ENCRYPTED_DATA)).isEqualTo(PLAINTEXT);
	}

	@Test
	void encryptWhenOfficialKeyAndIvThenOfficialCiphertext() {
		assertThat(OpenDataCipher.encrypt(SESSION_KEY, Base64.getDecoder().decode(IV), PLAINTEXT))
			.isEqualTo(ENCRYPTED_DATA);
	}

	@Test
	void decryptWhenKeyWrongThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OpenDataCipher.decrypt("HyVFkGl5F5OQWJZZaNzBBg==", IV, ENCRYPTED_DATA));
	}

	@Test
	void encryptWhenKeyNotSixteenBytesThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> OpenDataCipher.encrypt("AAAA", new byte[16], "{}"))
			.withMessage("sessionKey must be Base64 of 16 bytes");
	}

	@Test
	void rawDataSignatureWhenDocumentationExampleThenDocumentedSignature() {
		assertThat(OpenDataCipher.rawDataSignature(BAND_RAW_DATA, "HyVFkGl5F5OQWJZZaNzBBg=="))
			.isEqualTo("75e81ceda165f4ffa64f4068af58c64b8f54b88c");
	}

}
