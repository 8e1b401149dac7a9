package io.miniauth.emulator.crypto;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import io.miniauth.emulator.EmulatorHttpTests;
import io.miniauth.emulator.EmulatorTestApplication;
import io.miniauth.emulator.app.EmulatedApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EncryptedDataControllerTests extends EmulatorHttpTests {

	private static final EmulatedApp APP = EmulatorTestApplication.BOUND;

	@Test
	void encryptedDataWhenUserLoggedInThenSealedWithCurrentSessionKey() {
		String user = newUser();
		String sessionKey = json(code2Session(APP, wxLogin(user, APP).path("code").asString())).path("session_key")
			.asString();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("nickName", "Band");
		data.put("gender", 1);
		JsonNode sealed = json(
				postJson("/emulator/wx/encrypted-data", Map.of("user", user, "appid", APP.appid(), "data", data)));
		assertThat(sealed.path("rawData").asString()).isEqualTo("{\"nickName\":\"Band\",\"gender\":1}");
		assertThat(sealed.path("signature").asString())
			.isEqualTo(OpenDataCipher.rawDataSignature(sealed.path("rawData").asString(), sessionKey));
		assertThat(sealed.path("iv").asString()).hasSize(24);
		JsonNode plaintext = JSON.readTree(OpenDataCipher.decrypt(sessionKey, sealed.path("iv").asString(),
				sealed.path("encryptedData").asString()));
		assertThat(plaintext.path("nickName").asString()).isEqualTo("Band");
		assertThat(plaintext.path("gender").asInt()).isEqualTo(1);
		assertThat(plaintext.path("watermark").path("appid").asString()).isEqualTo(APP.appid());
		assertThat(plaintext.path("watermark").path("timestamp").asLong())
			.isEqualTo(this.clock.instant().getEpochSecond());
	}

	@Test
	void encryptedDataWhenUserLogsInAgainThenOldDataNoLongerDecrypts() {
		String user = newUser();
		wxLogin(user, APP);
		JsonNode sealed = json(postJson("/emulator/wx/encrypted-data", Map.of("user", user, "data", Map.of("a", 1))));
		String newKey = json(code2Session(APP, wxLogin(user, APP).path("code").asString())).path("session_key")
			.asString();
		assertThatIllegalArgumentException().isThrownBy(() -> OpenDataCipher.decrypt(newKey,
				sealed.path("iv").asString(), sealed.path("encryptedData").asString()));
	}

	@Test
	void encryptedDataWhenUserNeverLoggedInThenConflict() {
		HttpResponse<String> response = postJson("/emulator/wx/encrypted-data",
				Map.of("user", newUser(), "data", Map.of("a", 1)));
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(json(response).path("code").asString()).isEqualTo("NO_SESSION");
	}

	@Test
	void encryptedDataWhenDataMissingThenProblem() {
		HttpResponse<String> response = postJson("/emulator/wx/encrypted-data", Map.of("user", "u"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).path("code").asString()).isEqualTo("INVALID_REQUEST");
	}

}
