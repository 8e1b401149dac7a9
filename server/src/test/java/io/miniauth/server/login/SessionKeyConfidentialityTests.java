package io.miniauth.server.login;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import io.miniauth.server.user.UserRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WeChat session_key stays on the server: no answer and no log line carries it,
 * through a whole flow of logins, profile reads, updates and failures, with this
 * service's own logging at DEBUG.
 */
@TestPropertySource(properties = "logging.level.io.miniauth=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
class SessionKeyConfidentialityTests extends ServerHttpTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserRepository users;

	@Test
	void sessionKeyWhenWholeFlowRunsThenNeverInAnyAnswerOrLog(CapturedOutput output) {
		List<Reply> replies = new ArrayList<>();
		String code = this.api.wxLogin("secretive");
		Reply login = this.api.post("/user/login", Api.json(Map.of("code", code)));
		replies.add(login);
		String firstKey = sessionKey(login.json().at("/user/openid").asString());
		replies.add(this.api.post("/user/login", Api.json(Map.of("code", code))));
		String token = login.json().get("token").asString();
		replies.add(this.api.get("/user/me", "Authorization", "Bearer " + token));
		replies.add(this.api.patch("/user/me", Api.json(Map.of("nickName", "S")), "Authorization", "Bearer " + token));
		replies.add(this.api.patch("/user/me", Api.json(Map.of("bad", "S")), "Authorization", "Bearer " + token));
		replies.add(this.api.login("secretive"));
		String lastKey = sessionKey(login.json().at("/user/openid").asString());

		assertThat(firstKey).hasSize(24).endsWith("==").isNotEqualTo(lastKey);
		for (Reply reply : replies) {
			assertThat(reply.body()).doesNotContain(firstKey)
				.doesNotContain(lastKey)
				.doesNotContainIgnoringCase("session_key")
				.doesNotContainIgnoringCase("sessionKey");
			assertThat(reply.headers().toString()).doesNotContain(firstKey).doesNotContain(lastKey);
		}
		assertThat(output.getAll()).doesNotContain(firstKey)
			.doesNotContain(lastKey)
			.doesNotContain(code)
			.doesNotContain(token);
	}

	@Test
	void sessionKeyWhenStoredThenNotReadableInTheDatabase() {
		String openid = this.api.login("at-rest").json().at("/user/openid").asString();

		String stored = this.jdbc.sql("SELECT session_key FROM users WHERE openid = ?")
			.param(openid)
			.query(String.class)
			.single();

		assertThat(stored).startsWith("v1.").doesNotContain(sessionKey(openid));
	}

	private String sessionKey(String openid) {
		String userId = this.jdbc.sql("SELECT id FROM users WHERE openid = ?")
			.param(openid)
			.query(String.class)
			.single();
		return this.users.findSessionKey(userId).orElseThrow();
	}

}
