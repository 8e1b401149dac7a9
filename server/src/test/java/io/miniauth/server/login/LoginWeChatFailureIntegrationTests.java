package io.miniauth.server.login;

import java.util.Map;
import java.util.function.Supplier;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.MiniAuthTest;
import io.miniauth.server.wechat.CodeAlreadyUsedException;
import io.miniauth.server.wechat.InvalidCodeException;
import io.miniauth.server.wechat.LoginBlockedException;
import io.miniauth.server.wechat.WeChatClient;
import io.miniauth.server.wechat.WeChatMisconfiguredException;
import io.miniauth.server.wechat.WeChatRateLimitedException;
import io.miniauth.server.wechat.WeChatRejectedException;
import io.miniauth.server.wechat.WeChatUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

/**
 * What the mini program sees, through HTTP, for each way WeChat can refuse a login. A
 * login failure is never a 401 (that would make a client log in again, in a loop), and it
 * never leaves a user behind.
 */
@MiniAuthTest
class LoginWeChatFailureIntegrationTests {

	@LocalServerPort
	int port;

	@MockitoBean
	WeChatClient weChat;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void loginWhenWeChatSaysInvalidCodeThen400InvalidCode() {
		assertFailure(InvalidCodeException::new, 400, "INVALID_CODE");
	}

	@Test
	void loginWhenWeChatSaysCodeUsedThen400CodeAlreadyUsed() {
		assertFailure(CodeAlreadyUsedException::new, 400, "CODE_ALREADY_USED");
	}

	@Test
	void loginWhenWeChatRateLimitsThen429WithRetryAfter() {
		Reply reply = assertFailure(WeChatRateLimitedException::new, 429, "RATE_LIMITED");

		assertThat(Integer.parseInt(reply.header("Retry-After"))).isPositive();
	}

	@Test
	void loginWhenWeChatBlocksRiskyUserThen403LoginBlocked() {
		assertFailure(LoginBlockedException::new, 403, "LOGIN_BLOCKED");
	}

	@Test
	void loginWhenWeChatUnavailableThen503WithRetryAfter() {
		Reply reply = assertFailure(() -> new WeChatUnavailableException("timeout", 0), 503, "WECHAT_UNAVAILABLE");

		assertThat(Integer.parseInt(reply.header("Retry-After"))).isPositive();
	}

	@Test
	void loginWhenWeChatRejectsCredentialsThen500WeChatMisconfigured() {
		assertFailure(() -> new WeChatMisconfiguredException(40125), 500, "WECHAT_MISCONFIGURED");
	}

	@Test
	void loginWhenWeChatAnswersUnknownErrcodeThen502() {
		assertFailure(() -> new WeChatRejectedException(48001), 502, "WECHAT_ERROR");
	}

	private Reply assertFailure(Supplier<RuntimeException> failure, int status, String code) {
		given(this.weChat.code2Session(any(), anyString())).willThrow(failure.get());
		long usersBefore = this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();

		Reply reply = this.api.post("/user/login", Api.json(Map.of("code", "0anycode")));

		assertThat(reply.status()).isEqualTo(status);
		assertThat(reply.status()).isNotEqualTo(401);
		assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
		assertThat(reply.code()).isEqualTo(code);
		assertThat(reply.json().get("msg").asString()).isNotBlank();
		assertThat(reply.json().get("status").asInt()).isEqualTo(status);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isEqualTo(usersBefore);
		return reply;
	}

}
