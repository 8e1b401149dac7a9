package io.miniauth.server.login;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.AtOnce;
import io.miniauth.server.support.ServerHttpTests;
import io.miniauth.server.wechat.WeChatClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Concurrent requests with one login code share one WeChat call and one session.
 */
class IdempotentLoginIntegrationTests extends ServerHttpTests {

	@MockitoSpyBean
	WeChatClient weChat;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loginWhenSameCodeSentConcurrentlyThenOneWeChatCallAndOneSession() throws Exception {
		String code = this.api.wxLogin("impatient");
		List<Callable<Reply>> calls = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			calls.add(() -> this.api.post("/user/login", Api.json(Map.of("code", code))));
		}

		List<Reply> replies = AtOnce.run(calls);

		assertThat(replies).extracting(Reply::status).containsOnly(200);
		assertThat(replies).extracting((reply) -> reply.json().get("refreshToken").asString())
			.containsOnly(replies.get(0).json().get("refreshToken").asString());
		verify(this.weChat, times(1)).code2Session(any(), eq(code));
		String userId = replies.get(0).json().at("/user/id").asString();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM sessions WHERE user_id = ?")
			.param(userId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
