package io.miniauth.server.web;

import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code msg} of every answer speaks the language of {@code Accept-Language}: Chinese
 * for {@code zh}, {@code zh-CN}, {@code zh-Hans}; English for {@code en*}; Chinese
 * ({@code miniauth.web.default-locale}) without the header or with one naming neither or
 * unreadable. The {@code code} is the same in every language.
 */
class MessageLanguageIntegrationTests extends ServerHttpTests {

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "zh", "zh-Hans", "zh-Hans-CN", "zh-TW", "fr-FR, zh;q=0.8, en;q=0.5" })
	void requestWhenAcceptLanguageIsChineseThenChineseMsgAndDetail(String acceptLanguage) {
		Reply reply = this.api.get("/user/me", "Accept-Language", acceptLanguage);

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
		assertThat(reply.json().get("msg").asString()).isEqualTo("请先登录");
		assertThat(reply.json().get("detail").asString()).isEqualTo("请先登录");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en-US", "en", "en-GB,en;q=0.9", "fr-FR, en;q=0.5, zh;q=0.1", "zh;q=0, en" })
	void requestWhenAcceptLanguageIsEnglishThenEnglishMsg(String acceptLanguage) {
		Reply reply = this.api.get("/user/me", "Accept-Language", acceptLanguage);

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
		assertThat(reply.json().get("msg").asString()).isEqualTo("Log in first: this request needs an access token");
	}

	@Test
	void requestWhenNoAcceptLanguageThenChineseByDefault() {
		Reply reply = this.api.get("/user/me");

		assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
		assertThat(reply.json().get("msg").asString()).isEqualTo("请先登录");
	}

	@ParameterizedTest
	@ValueSource(strings = { "!!!garbage;;q=abc", "fr-FR", "*", "ja-JP;q=0.9" })
	void requestWhenAcceptLanguageIsUnreadableOrNamesNeitherThenTheDefaultChinese(String acceptLanguage) {
		Reply reply = this.api.get("/user/me", "Accept-Language", acceptLanguage);

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
		assertThat(reply.json().get("msg").asString()).isEqualTo("请先登录");
	}

	@Test
	void requestWhenTheSameFailureInBothLanguagesThenTheCodeAndStatusDoNotChange() {

		Reply chinese = this.api.get("/user/me", "Authorization", "Bearer not-a-token", "Accept-Language", "zh-CN");
		Reply english = this.api.get("/user/me", "Authorization", "Bearer not-a-token", "Accept-Language", "en-US");

		assertThat(chinese.code()).isEqualTo("TOKEN_INVALID").isEqualTo(english.code());
		assertThat(chinese.status()).isEqualTo(401).isEqualTo(english.status());
		assertThat(chinese.header("WWW-Authenticate")).isEqualTo(english.header("WWW-Authenticate"));
		assertThat(chinese.json().get("msg").asString()).isEqualTo("登录状态无效，请重新登录");
		assertThat(english.json().get("msg").asString()).isEqualTo("The access token is not valid: log in again");
	}

	@Test
	void loginWhenChineseThenSuccessMsgIsChineseAndWhenEnglishThenEnglish() {

		Reply chinese = this.api.post("/user/login", Api.json(Map.of("code", this.api.wxLogin("msg-zh"))),
				"Accept-Language", "zh-CN");
		Reply english = this.api.post("/user/login", Api.json(Map.of("code", this.api.wxLogin("msg-en"))),
				"Accept-Language", "en-US");

		assertThat(chinese.status()).isEqualTo(200);
		assertThat(chinese.json().get("msg").asString()).isEqualTo("登录成功");
		assertThat(english.json().get("msg").asString()).isEqualTo("Logged in");
		Reply refreshed = this.api.post("/user/token/refresh",
				Api.json(Map.of("refreshToken", chinese.json().get("refreshToken").asString())), "Accept-Language",
				"zh-CN");
		assertThat(refreshed.json().get("msg").asString()).isEqualTo("登录已续期");
	}

	@Test
	void loginWhenCodeBlankThenTheValidationMessageIsInTheRequestLanguage() {

		Reply chinese = this.api.post("/user/login", Api.json(Map.of("code", " ")), "Accept-Language", "zh-CN");
		Reply english = this.api.post("/user/login", Api.json(Map.of("code", " ")), "Accept-Language", "en");

		assertThat(chinese.code()).isEqualTo("INVALID_REQUEST").isEqualTo(english.code());
		assertThat(chinese.json().get("msg").asString()).isEqualTo("code 不能为空");
		assertThat(english.json().get("msg").asString()).isEqualTo("code must not be blank");
	}

	@Test
	void loginWhenBodyTooLargeThenTheFilterAnswersInTheRequestLanguage() {
		String body = Api.json(Map.of("code", "x".repeat(20_000)));

		Reply chinese = this.api.post("/user/login", body, "Accept-Language", "zh-CN");
		Reply english = this.api.post("/user/login", body, "Accept-Language", "en-US");

		assertThat(chinese.code()).isEqualTo("PAYLOAD_TOO_LARGE").isEqualTo(english.code());
		assertThat(chinese.json().get("msg").asString()).isEqualTo("提交的内容太多了，请精简后重试");
		assertThat(english.json().get("msg").asString()).isEqualTo("The request body is too large");
	}

	@Test
	void requestWhenSpringMvcRefusesItThenItsMessageIsInTheRequestLanguageToo() {

		Reply chinese = this.api.get("/nowhere", "Accept-Language", "zh-CN");
		Reply english = this.api.get("/nowhere", "Accept-Language", "en");

		assertThat(chinese.code()).isEqualTo("NOT_FOUND").isEqualTo(english.code());
		assertThat(chinese.json().get("msg").asString()).isEqualTo("请求的地址不存在");
		assertThat(english.json().get("msg").asString()).isEqualTo("There is nothing at this path");
	}

	@Test
	void updateProfileWhenTooLongInEnglishThenTheFieldIsNamedAsInJson() {
		String token = this.api.token("msg-profile");

		Reply chinese = this.api.patch("/user/me", Api.json(Map.of("nickName", "a".repeat(31))), "Authorization",
				"Bearer " + token, "Accept-Language", "zh-CN");
		Reply english = this.api.patch("/user/me", Api.json(Map.of("nickName", "a".repeat(31))), "Authorization",
				"Bearer " + token, "Accept-Language", "en");

		assertThat(chinese.json().get("msg").asString()).isEqualTo("昵称不能超过 30 个字");
		assertThat(english.json().get("msg").asString()).isEqualTo("nickName must be at most 30 characters");
	}

}
