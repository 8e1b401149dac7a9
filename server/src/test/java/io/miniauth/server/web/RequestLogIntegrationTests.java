package io.miniauth.server.web;

import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import io.miniauth.server.user.UserRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One log line per request with its request id, and no secret in any log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestLogIntegrationTests extends ServerHttpTests {

	@Autowired
	UserRepository users;

	@Test
	void requestWhenAnsweredThenOneLineWithMethodPathStatusAndRequestId(CapturedOutput output) {

		Reply reply = this.api.get("/user/me", "X-Request-Id", "trace-abc-123");

		assertThat(reply.header("X-Request-Id")).isEqualTo("trace-abc-123");
		assertThat(reply.json().get("requestId").asString()).isEqualTo("trace-abc-123");
		assertThat(output.getAll()).containsPattern("\\[trace-abc-123\\].*GET /user/me 401 \\d+ms");
	}

	@Test
	void requestWhenCallerSendsNoOrAnInsaneIdThenOneIsMade() {

		Reply plain = this.api.get("/user/me");
		Reply insane = this.api.get("/user/me", "X-Request-Id", "x".repeat(100));

		assertThat(plain.header("X-Request-Id")).matches("[0-9a-f-]{36}");
		assertThat(insane.header("X-Request-Id")).matches("[0-9a-f-]{36}");
	}

	@Test
	void logsWhenEveryEndpointIsDrivenThenNoCodeTokenRefreshTokenOrSessionKey(CapturedOutput output) {
		String code = this.api.wxLogin("log-watcher");
		JsonNode login = this.api.post("/user/login", Api.json(Map.of("code", code))).json();
		String token = login.get("token").asString();
		String refreshToken = login.get("refreshToken").asString();
		this.api.post("/user/login", Api.json(Map.of("code", code)));
		this.api.get("/user/me?access_token=" + token, "Authorization", "Bearer " + token);
		this.api.patch("/user/me", Api.json(Map.of("nickName", "Logger")), "Authorization", "Bearer " + token);
		JsonNode refreshed = this.api.post("/user/token/refresh", Api.json(Map.of("refreshToken", refreshToken)))
			.json();
		this.api.post("/user/token/refresh", Api.json(Map.of("refreshToken", "bogus-" + refreshToken)));
		String newToken = refreshed.get("token").asString();
		this.api.get("/user/sessions", "Authorization", "Bearer " + newToken);
		this.api.get("/user/session-key/status", "Authorization", "Bearer " + newToken);
		this.api.post("/user/decrypt",
				"{\"encryptedData\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"iv\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}", "Authorization",
				"Bearer " + newToken);
		this.api.post("/user/logout", "", "Authorization", "Bearer " + newToken);
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
