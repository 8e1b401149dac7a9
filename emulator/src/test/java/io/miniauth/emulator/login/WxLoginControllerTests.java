package io.miniauth.emulator.login;

import java.net.http.HttpResponse;
import java.util.Map;

import io.miniauth.emulator.EmulatorHttpTests;
import io.miniauth.emulator.EmulatorTestApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class WxLoginControllerTests extends EmulatorHttpTests {

	@Test
	void loginWhenNoAppGivenThenUsesDefaultApp() {
		String user = newUser();
		JsonNode login = json(postJson("/emulator/wx/login", Map.of("user", user)));
		assertThat(login.path("code").asString()).hasSize(32).startsWith("0");
		assertThat(login.path("openid").asString())
			.isEqualTo(wxLogin(user, EmulatorTestApplication.BOUND).path("openid").asString());
	}

	@Test
	void loginWhenAppUnknownThenProblem() {
		HttpResponse<String> response = postJson("/emulator/wx/login", Map.of("user", "u", "appid", "wxnosuch"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json(response).path("code").asString()).isEqualTo("UNKNOWN_APP");
	}

	@Test
	void loginWhenUserMissingThenProblem() {
		HttpResponse<String> response = postJson("/emulator/wx/login", Map.of("appid", "x"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).path("code").asString()).isEqualTo("INVALID_REQUEST");
	}

}
