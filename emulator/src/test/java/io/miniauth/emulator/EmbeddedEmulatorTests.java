package io.miniauth.emulator;

import java.net.http.HttpResponse;

import io.miniauth.emulator.app.EmulatedApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator as an application embeds it: under {@code /emulator} only, since the
 * application owns its root paths, and with control errors in the documented shape.
 */
class EmbeddedEmulatorTests extends EmulatorHttpTests {

	private static final EmulatedApp APP = EmulatorTestApplication.UNBOUND;

	@Test
	void weChatPathsWhenEmbeddedThenOnlyUnderEmulator() {
		String code = wxLogin(newUser(), APP).path("code").asString();
		HttpResponse<String> atRoot = get("/sns/jscode2session?" + query(params("appid", APP.appid(), "secret",
				APP.secret(), "js_code", code, "grant_type", "authorization_code")));
		assertThat(atRoot.statusCode()).isEqualTo(404);
		assertThat(get("/cgi-bin/token?"
				+ query(params("grant_type", "client_credential", "appid", APP.appid(), "secret", APP.secret())))
			.statusCode()).isEqualTo(404);
		assertThat(json(code2Session(APP, code)).path("openid").asString()).isNotEmpty();
	}

	@Test
	void wxLoginWhenBodyNotJsonThenUnsupportedMediaTypeProblem() {
		assertProblem(post("/emulator/wx/login", "text/plain", "{\"user\":\"alice\"}"), 415, "UNSUPPORTED_MEDIA_TYPE");
		assertProblem(post("/emulator/wx/phone-code", "application/x-www-form-urlencoded", "user=alice"), 415,
				"UNSUPPORTED_MEDIA_TYPE");
		assertProblem(post("/emulator/wx/encrypted-data", "text/plain", "{}"), 415, "UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void wxLoginWhenBodyMissingThenInvalidRequestProblem() {
		assertProblem(post("/emulator/wx/login", "application/json", ""), 400, "INVALID_REQUEST");
	}

	private static void assertProblem(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json(response);
		assertThat(problem.path("code").asString()).isEqualTo(code);
		assertThat(problem.path("msg").asString()).isNotBlank();
	}

}
