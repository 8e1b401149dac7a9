package io.miniauth.emulator.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmulatorApplicationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void standaloneWhenNoAppConfiguredThenServesLoginForDemoApp() throws Exception {
		JsonNode login = JSON.readTree(send(HttpRequest.newBuilder(uri("/emulator/wx/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice\"}"))));
		JsonNode session = JSON.readTree(
				send(HttpRequest
					.newBuilder(uri("/emulator/sns/jscode2session?appid=" + StandaloneProperties.DEMO_APP.appid()
							+ "&secret=" + StandaloneProperties.DEMO_APP.secret()
							+ "&grant_type=authorization_code&js_code=" + login.path("code").asString()))
					.GET()));
		assertThat(session.path("openid").asString()).isEqualTo(login.path("openid").asString());
		assertThat(session.path("unionid").asString()).hasSize(28);
	}

	@Test
	void standaloneWhenStartedThenServesCallCounts() throws Exception {
		JsonNode calls = JSON.readTree(send(HttpRequest.newBuilder(uri("/emulator/calls")).GET()));
		assertThat(calls.has("jscode2session")).isTrue();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private String send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
