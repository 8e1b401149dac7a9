package io.miniauth.server.web;

import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.MiniAuthTest;
import io.miniauth.server.user.UserRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One log line per request with its request id, and no secret in any log line.
 */
@MiniAuthTest
@ExtendWith(OutputCaptureExtension.class)
class RequestLogIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserRepository users;

	@Test
	void requestWhenAnsweredThenOneLineWithMethodPathStatusAndRequestId(CapturedOutput output) {
		Api api = new Api(this.port);

		Reply reply = api.get("/user/me", "X-Request-Id", "trace-abc-123");

		assertThat(reply.header("X-Request-Id")).isEqualTo("trace-abc-123");
		assertThat(reply.json().get("requestId").asString()).isEqualTo("trace-abc-123");
		assertThat(output.getAll()).containsPattern("\\[trace-abc-123\\].*GET /user/me 401 \\d+ms");
	}

	@Test
	void requestWhenCallerSendsNoOrAnInsaneIdThenOneIsMade() {
		Api api = new Api(this.port);

		Reply plain = api.get("/user/me");
		Reply insane = api.get("/user/me", "X-Request-Id", "x".repeat(100));

		assertThat(plain.header("X-Request-Id")).matches("[0-9a-f-]{36}");
		assertThat(insane.header("X-Request-Id")).matches("[0-9a-f-]{36}");
	}

	@Test
	void logsWhenEveryEndpointIsDrivenThenNoCodeTokenRefreshTokenOrSessionKey(CapturedOutput output) {
		Api api = new Api(this.port);
		String code = api.wxLogin("log-watcher");
		JsonNode login = api.post("/user/login", Api.json(Map.of("code", code))).json();
		String token = login.get("token").asString();
		String refreshToken = login.get("refreshToken").asString();
		api.post("/user/login", Api.json(Map.of("code", code)));
		api.get("/user/me?access_token=" + token, "Authorization", "Bearer " + token);
		api.patch("/user/me", Api.json(Map.of("nickName", "Logger")), "Authorization", "Bearer " + token);
		JsonNode refreshed = api.post("/user/token/refresh", Api.json(Map.of("refreshToken", refreshToken))).json();
		api.post("/user/token/refresh", Api.json(Map.of("refreshToken", "bogus-" + refreshToken)));
		String newToken = refreshed.get("token").asString();
		api.get("/user/sessions", "Authorization", "Bearer " + newToken);
		api.get("/user/session-key/status", "Authorization", "Bearer " + newToken);
		api.post("/user/decrypt",
				"{\"encryptedData\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"iv\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}", "Authorization",
				"Bearer " + newToken);
		api.post("/user/logout", "", "Authorization", "Bearer " + newToken);
		String sessionKey = this.users.findSessionKey(login.at("/user/id").asString()).orElseThrow();

		assertThat(output.getAll()).contains("POST /user/login 200")
			.contains("POST /user/token/refresh 200")
			.contains("POST /user/logout 204")
			.doesNotContain(code)
			.doesNotContain(token)
			.doesNotContain(newToken)
			.doesNotContain(refreshToken)
			.doesNotContain(refreshed.get("refreshToken").asString())
			.doesNotContain(sessionKey)
			.doesNotContain("miniauth-demo-secret");
	}

}
