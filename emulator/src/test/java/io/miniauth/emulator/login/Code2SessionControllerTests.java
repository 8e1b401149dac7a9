package io.miniauth.emulator.login;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.miniauth.emulator.EmulatorHttpTests;
import io.miniauth.emulator.EmulatorTestApplication;
import io.miniauth.emulator.app.EmulatedApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class Code2SessionControllerTests extends EmulatorHttpTests {

	private static final EmulatedApp BOUND = EmulatorTestApplication.BOUND;

	@Test
	void code2SessionWhenCodeIsFreshThenAnswersSessionAsPlainTextWithoutErrcode() {
		JsonNode login = wxLogin(newUser(), BOUND);
		HttpResponse<String> response = code2Session(BOUND, login.path("code").asString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		JsonNode session = json(response);
		assertThat(session.path("openid").asString()).isEqualTo(login.path("openid").asString());
		assertThat(session.path("session_key").asString()).hasSize(24).endsWith("==");
		assertThat(session.path("unionid").asString()).hasSize(28).startsWith("o");
		assertThat(session.has("errcode")).isFalse();
	}

	@Test
	void code2SessionWhenAccessTokenIsAppendedThenIgnoresIt() {
		String code = wxLogin(newUser(), BOUND).path("code").asString();
		HttpResponse<String> response = get("/emulator/sns/jscode2session?" + query(params("appid", BOUND.appid(),
				"secret", BOUND.secret(), "js_code", code, "grant_type", "authorization_code", "access_token", "x")));
		assertThat(json(response).has("session_key")).isTrue();
	}

	@Test
	void code2SessionWhenAppsShareOpenPlatformThenSameUnionidDifferentOpenids() {
		String user = newUser();
		JsonNode first = json(code2Session(BOUND, wxLogin(user, BOUND).path("code").asString()));
		EmulatedApp other = EmulatorTestApplication.BOUND_TOO;
		JsonNode second = json(code2Session(other, wxLogin(user, other).path("code").asString()));
		assertThat(second.path("unionid").asString()).isEqualTo(first.path("unionid").asString());
		assertThat(second.path("openid").asString()).isNotEqualTo(first.path("openid").asString());
	}

	@Test
	void code2SessionWhenAppIsNotBoundThenNoUnionid() {
		EmulatedApp app = EmulatorTestApplication.UNBOUND;
		JsonNode session = json(code2Session(app, wxLogin(newUser(), app).path("code").asString()));
		assertThat(session.has("openid")).isTrue();
		assertThat(session.has("unionid")).isFalse();
	}

	@Test
	void code2SessionWhenUserLoggedInAgainThenOlderUnusedCodeStillExchangeable() {
		String user = newUser();
		String older = wxLogin(user, BOUND).path("code").asString();
		String newer = wxLogin(user, BOUND).path("code").asString();
		JsonNode olderSession = json(code2Session(BOUND, older));
		JsonNode newerSession = json(code2Session(BOUND, newer));
		assertThat(olderSession.path("session_key").asString()).hasSize(24);
		assertThat(newerSession.path("openid").asString()).isEqualTo(olderSession.path("openid").asString());
	}

	@Test
	void code2SessionWhenCodeUsedTwiceThen40163() {
		String code = wxLogin(newUser(), BOUND).path("code").asString();
		code2Session(BOUND, code);
		assertError(code2Session(BOUND, code), 40163);
	}

	@Test
	void code2SessionWhenCodeUnknownThen40029() {
		assertError(code2Session(BOUND, "0unknowncode0000000000000000000"), 40029);
	}

	@Test
	void code2SessionWhenCodeIsJustUnderFiveMinutesOldThenSession() {
		String code = wxLogin(newUser(), BOUND).path("code").asString();
		this.clock.advance(Duration.ofMinutes(5).minusMillis(1));
		assertThat(json(code2Session(BOUND, code)).has("session_key")).isTrue();
	}

	@Test
	void code2SessionWhenCodeIsFiveMinutesOldThen40029() {
		String code = wxLogin(newUser(), BOUND).path("code").asString();
		this.clock.advance(Duration.ofMinutes(5));
		assertError(code2Session(BOUND, code), 40029);
	}

	@Test
	void code2SessionWhenCodeIsForAnotherAppThen40029() {
		String code = wxLogin(newUser(), BOUND).path("code").asString();
		assertError(code2Session(EmulatorTestApplication.BOUND_TOO, code), 40029);
	}

	@Test
	void code2SessionWhenParametersMissingOrWrongThenWeChatErrors() {
		assertError(get("/emulator/sns/jscode2session?"
				+ query(params("secret", "s", "js_code", "c", "grant_type", "authorization_code"))), 41002);
		assertError(
				get("/emulator/sns/jscode2session?"
						+ query(params("appid", BOUND.appid(), "js_code", "c", "grant_type", "authorization_code"))),
				41004);
		assertError(
				get("/emulator/sns/jscode2session?" + query(
						params("appid", BOUND.appid(), "secret", BOUND.secret(), "grant_type", "authorization_code"))),
				41008);
		assertError(
				get("/emulator/sns/jscode2session?" + query(
						params("appid", BOUND.appid(), "secret", BOUND.secret(), "js_code", "c", "grant_type", "x"))),
				40002);
		assertError(get("/emulator/sns/jscode2session?" + query(
				params("appid", "wxnosuchapp", "secret", "s", "js_code", "c", "grant_type", "authorization_code"))),
				40013);
		assertError(get("/emulator/sns/jscode2session?" + query(
				params("appid", BOUND.appid(), "secret", "wrong", "js_code", "c", "grant_type", "authorization_code"))),
				40125);
	}

	@Test
	void code2SessionWhenUserExceedsMinuteQuotaThen45011AndCodeStaysUsable() {
		String user = newUser();
		for (int i = 0; i < 5; i++) {
			String code = wxLogin(user, BOUND).path("code").asString();
			assertThat(json(code2Session(BOUND, code)).has("session_key")).isTrue();
		}
		String code = wxLogin(user, BOUND).path("code").asString();
		assertError(code2Session(BOUND, code), 45011);
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(json(code2Session(BOUND, code)).has("session_key")).isTrue();
	}

	@Test
	void code2SessionWhenLoginWasRiskyThen40226() {
		String code = json(
				postJson("/emulator/wx/login", Map.of("user", newUser(), "appid", BOUND.appid(), "risky", true)))
			.path("code")
			.asString();
		assertError(code2Session(BOUND, code), 40226);
	}

	@Test
	void code2SessionWhenUserLogsInAgainThenSessionKeyRotates() {
		String user = newUser();
		String first = json(code2Session(BOUND, wxLogin(user, BOUND).path("code").asString())).path("session_key")
			.asString();
		String second = json(code2Session(BOUND, wxLogin(user, BOUND).path("code").asString())).path("session_key")
			.asString();
		assertThat(second).isNotEqualTo(first);
	}

	private static void assertError(HttpResponse<String> response, int errcode) {
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.path("errcode").asInt()).isEqualTo(errcode);
		assertThat(body.path("errmsg").asString()).matches(".+, rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}");
	}

}
