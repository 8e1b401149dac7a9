package io.miniauth.server.userdata;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.miniauth.server.app.DemoApp;
import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import io.miniauth.server.user.UserRepository;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phone binding, encrypted data and the session key check, through HTTP with the embedded
 * emulator as WeChat.
 */
class UserDataIntegrationTests extends ServerHttpTests {

	@Autowired
	UserRepository users;

	@Test
	void bindPhoneWhenCodeValidThenNumberStoredAndShown() {
		String token = this.api.token("phone-owner");
		String code = phoneCode("phone-owner", "13912345678");

		Reply bound = this.api.post("/user/phone", Api.json(Map.of("code", code)), "Authorization", "Bearer " + token);

		assertThat(bound.status()).isEqualTo(200);
		assertThat(bound.json().get("phoneNumber").asString()).isEqualTo("13912345678");
		assertThat(bound.json().get("purePhoneNumber").asString()).isEqualTo("13912345678");
		assertThat(bound.json().get("countryCode").asString()).isEqualTo("86");
		assertThat(me(token).get("phoneNumber").asString()).isEqualTo("13912345678");
	}

	@Test
	void bindPhoneWhenCodeUsedTwiceThen400InvalidPhoneCode() {
		String token = this.api.token("phone-twice");
		String code = phoneCode("phone-twice", null);
		assertThat(bindPhone(token, code).status()).isEqualTo(200);

		Reply again = bindPhone(token, code);

		assertThat(again.status()).isEqualTo(400);
		assertThat(again.code()).isEqualTo("INVALID_PHONE_CODE");
	}

	@Test
	void bindPhoneWhenCodeExpiredThen400InvalidPhoneCode() {
		String token = this.api.token("phone-late");
		String code = phoneCode("phone-late", null);
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));

		assertThat(bindPhone(token, code).code()).isEqualTo("INVALID_PHONE_CODE");
	}

	@Test
	void bindPhoneWhenCodeUnknownThen400InvalidPhoneCode() {
		String token = this.api.token("phone-unknown");

		assertThat(bindPhone(token, "f".repeat(64)).code()).isEqualTo("INVALID_PHONE_CODE");
	}

	@Test
	void bindPhoneWhenCodeBelongsToAnotherUserThen400AndNothingStored() {
		String token = this.api.token("phone-thief");
		String victimsCode = phoneCode("phone-victim", "13800000001");

		Reply reply = bindPhone(token, victimsCode);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("INVALID_PHONE_CODE");
		assertThat(me(token).get("phoneNumber").isNull()).isTrue();
	}

	@Test
	void bindPhoneWhenCodeMissingThen400InvalidRequest() {
		String token = this.api.token("phone-empty");

		Reply reply = this.api.post("/user/phone", "{}", "Authorization", "Bearer " + token);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("INVALID_REQUEST");
	}

	@Test
	void decryptWhenDataMadeWithCurrentSessionKeyThenDecryptedObject() {
		String token = this.api.token("decrypter");
		JsonNode sealed = encryptedData("decrypter", Map.of("stepInfoList", java.util.List.of(Map.of("step", 8000))));

		Reply reply = decrypt(token,
				Map.of("encryptedData", sealed.get("encryptedData").asString(), "iv", sealed.get("iv").asString(),
						"rawData", sealed.get("rawData").asString(), "signature", sealed.get("signature").asString()));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().at("/stepInfoList/0/step").asInt()).isEqualTo(8000);
		assertThat(reply.json().at("/watermark/appid").asString()).isEqualTo(DemoApp.APP.appid());
	}

	@Test
	void decryptWhenUserLoggedInAgainSinceDataWasMadeThen409SessionKeyStale() {
		this.api.token("stale-key");
		JsonNode sealed = encryptedData("stale-key", Map.of("nickName", "Old"));
		String token = this.api.token("stale-key");

		Reply reply = decrypt(token,
				Map.of("encryptedData", sealed.get("encryptedData").asString(), "iv", sealed.get("iv").asString()));

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.code()).isEqualTo("SESSION_KEY_STALE");
		assertThat(reply.json().get("msg").asString()).isEqualTo("登录信息已更新，请重新登录后再试");
	}

	@Test
	void decryptWhenDataTamperedThen400() {
		String token = this.api.token("tamper");
		JsonNode sealed = encryptedData("tamper", Map.of("nickName", "A rather long nickname to span blocks"));
		String data = sealed.get("encryptedData").asString();
		String tampered = ((data.charAt(0) == 'A') ? "B" : "A") + data.substring(1);

		Reply reply = decrypt(token, Map.of("encryptedData", tampered, "iv", sealed.get("iv").asString()));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("INVALID_ENCRYPTED_DATA");
		assertThat(reply.body()).doesNotContain("Exception");
	}

	@Test
	void decryptWhenLastBlockTamperedThenTheSameAnswerAsAnyOtherTampering() {
		String token = this.api.token("oracle");
		JsonNode sealed = encryptedData("oracle", Map.of("nickName", "A rather long nickname to span blocks"));
		byte[] bytes = Base64.getDecoder().decode(sealed.get("encryptedData").asString());
		bytes[bytes.length - 1] ^= 0x01;

		Reply reply = decrypt(token,
				Map.of("encryptedData", Base64.getEncoder().encodeToString(bytes), "iv", sealed.get("iv").asString()));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("INVALID_ENCRYPTED_DATA");
	}

	@Test
	void decryptWhenIvWrongLengthOrNotBase64Then400() {
		String token = this.api.token("bad-iv");
		JsonNode sealed = encryptedData("bad-iv", Map.of("a", 1));

		Reply shortIv = decrypt(token, Map.of("encryptedData", sealed.get("encryptedData").asString(), "iv", "AAAA"));
		Reply notBase64 = decrypt(token,
				Map.of("encryptedData", "%%%not base64%%%", "iv", sealed.get("iv").asString()));

		assertThat(List.of(shortIv, notBase64)).allSatisfy((reply) -> {
			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.code()).isEqualTo("INVALID_REQUEST");
		});
	}

	@Test
	void decryptWhenWatermarkNamesAnotherAppThen400WatermarkMismatch() throws Exception {
		String token = this.api.token("other-app-data");
		String userId = me(token).get("id").asString();
		String sessionKey = this.users.findSessionKey(userId).orElseThrow();
		byte[] iv = new byte[16];
		Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(sessionKey), "AES"),
				new IvParameterSpec(iv));
		byte[] ciphertext = cipher
			.doFinal("{\"nickName\":\"X\",\"watermark\":{\"timestamp\":1,\"appid\":\"wxsomeoneelse0001\"}}".getBytes());

		Reply reply = decrypt(token, Map.of("encryptedData", Base64.getEncoder().encodeToString(ciphertext), "iv",
				Base64.getEncoder().encodeToString(iv)));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("WATERMARK_MISMATCH");
	}

	@Test
	void decryptWhenSignatureDoesNotMatchRawDataThen400SignatureMismatch() {
		String token = this.api.token("signer");
		JsonNode sealed = encryptedData("signer", Map.of("nickName", "Signed"));

		Reply reply = decrypt(token,
				Map.of("encryptedData", sealed.get("encryptedData").asString(), "iv", sealed.get("iv").asString(),
						"rawData", sealed.get("rawData").asString().replace("Signed", "Forged"), "signature",
						sealed.get("signature").asString()));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("SIGNATURE_MISMATCH");
	}

	@Test
	void decryptWhenIvRewritesTheFirstBlockAndGenuineRawDataSentThen400RawDataMismatch() {
		String token = this.api.token("iv-forger");
		JsonNode sealed = encryptedData("iv-forger", Map.of("nickName", "Band"));
		String rawData = sealed.get("rawData").asString();
		assertThat(rawData).startsWith("{\"nickName\":\"Ban");
		// CBC: the first plaintext block is D(c1) XOR iv, so XOR-ing the iv with
		// (old XOR new) rewrites it without the key
		byte[] iv = Base64.getDecoder().decode(sealed.get("iv").asString());
		byte[] before = "{\"nickName\":\"Ban".getBytes();
		byte[] after = "{\"nickName\":\"Evi".getBytes();
		for (int i = 0; i < 16; i++) {
			iv[i] ^= (byte) (before[i] ^ after[i]);
		}
		Map<String, Object> forged = Map.of("encryptedData", sealed.get("encryptedData").asString(), "iv",
				Base64.getEncoder().encodeToString(iv), "rawData", rawData, "signature",
				sealed.get("signature").asString());

		Reply reply = decrypt(token, forged);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("RAW_DATA_MISMATCH");
		assertThat(reply.body()).doesNotContain("Evid");
	}

	@Test
	void sessionKeyStatusWhenKeyCurrentThenValidAndAfterAnotherWxLoginThenNot() {
		String token = this.api.token("checker");
		assertThat(sessionKeyStatus(token)).isTrue();

		this.api.wxLogin("checker");

		assertThat(sessionKeyStatus(token)).isFalse();
	}

	@Test
	void userDataWhenNoTokenThen401() {
		assertThat(this.api.post("/user/phone", "{\"code\":\"x\"}").status()).isEqualTo(401);
		assertThat(this.api.post("/user/decrypt", "{}").status()).isEqualTo(401);
		assertThat(this.api.get("/user/session-key/status").status()).isEqualTo(401);
	}

	private boolean sessionKeyStatus(String token) {
		Reply reply = this.api.get("/user/session-key/status", "Authorization", "Bearer " + token);
		assertThat(reply.status()).isEqualTo(200);
		return reply.json().get("valid").asBoolean();
	}

	private String phoneCode(String user, String phoneNumber) {
		Map<String, Object> body = (phoneNumber != null) ? Map.of("user", user, "phoneNumber", phoneNumber)
				: Map.of("user", user);
		Reply reply = this.api.post("/emulator/wx/phone-code", Api.json(body));
		assertThat(reply.status()).isEqualTo(200);
		return reply.json().get("code").asString();
	}

	private JsonNode encryptedData(String user, Map<String, Object> data) {
		Reply reply = this.api.post("/emulator/wx/encrypted-data", Api.json(Map.of("user", user, "data", data)));
		assertThat(reply.status()).isEqualTo(200);
		return reply.json();
	}

	private Reply bindPhone(String token, String code) {
		return this.api.post("/user/phone", Api.json(Map.of("code", code)), "Authorization", "Bearer " + token);
	}

	private Reply decrypt(String token, Map<String, Object> body) {
		return this.api.post("/user/decrypt", Api.json(body), "Authorization", "Bearer " + token);
	}

	private JsonNode me(String token) {
		return this.api.get("/user/me", "Authorization", "Bearer " + token).json();
	}

}
