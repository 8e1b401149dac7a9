package io.miniauth.server.user;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.AtOnce;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET}, {@code PATCH} and {@code PUT /user/me} through HTTP.
 */
class ProfileIntegrationTests extends ServerHttpTests {

	@Test
	void showProfileWhenBearerTokenThenProfileOfTheLoggedInUser() {
		JsonNode login = this.api.login("profile-reader").json();

		Reply me = this.api.get("/user/me", "Authorization", "Bearer " + login.get("token").asString());

		assertThat(me.status()).isEqualTo(200);
		JsonNode profile = me.json();
		assertThat(profile.get("id").asString()).isEqualTo(login.at("/user/id").asString());
		assertThat(profile.get("openid").asString()).isEqualTo(login.at("/user/openid").asString());
		assertThat(profile.get("appid").asString()).isEqualTo(login.at("/user/appid").asString());
		assertThat(profile.properties()).extracting(Map.Entry::getKey)
			.containsExactlyInAnyOrder("id", "appid", "openid", "unionid", "nickName", "avatarUrl", "signature",
					"phoneNumber", "linkedApps", "createdAt", "lastLoginAt", "externalId", "personId");
		assertThat(profile.get("externalId").isNull()).isTrue();
	}

	@Test
	void showProfileWhenBareTokenWithoutBearerThenOk() {
		String token = this.api.token("legacy-client");

		Reply me = this.api.get("/user/me", "Authorization", token);

		assertThat(me.status()).isEqualTo(200);
	}

	@Test
	void updateProfileWhenAllFieldsValidThenStoredAndShown() {
		String token = this.api.token("profile-writer");
		Map<String, Object> change = Map.of("nickName", "小明😀🎉", "avatarUrl", "https://cdn.example.com/a/b.png",
				"signature", "今天也要加油💪");

		Reply patched = this.api.patch("/user/me", Api.json(change), "Authorization", "Bearer " + token);

		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("nickName").asString()).isEqualTo("小明😀🎉");
		JsonNode me = this.api.get("/user/me", "Authorization", "Bearer " + token).json();
		assertThat(me.get("nickName").asString()).isEqualTo("小明😀🎉");
		assertThat(me.get("avatarUrl").asString()).isEqualTo("https://cdn.example.com/a/b.png");
		assertThat(me.get("signature").asString()).isEqualTo("今天也要加油💪");
	}

	@Test
	void updateProfileWhenOneFieldThenOthersUnchanged() {
		String token = this.api.token("partial-writer");
		this.api.patch("/user/me", Api.json(Map.of("nickName", "Ann", "signature", "hi")), "Authorization",
				"Bearer " + token);

		Reply patched = this.api.patch("/user/me", Api.json(Map.of("signature", "bye")), "Authorization",
				"Bearer " + token);

		assertThat(patched.json().get("nickName").asString()).isEqualTo("Ann");
		assertThat(patched.json().get("signature").asString()).isEqualTo("bye");
	}

	@Test
	void updateProfileWhenTwoFieldsChangedConcurrentlyThenBothKept() throws Exception {
		String token = this.api.token("racing-writer");
		for (int round = 0; round < 10; round++) {
			String nick = "nick-" + round;
			String sign = "sign-" + round;
			List<Callable<Reply>> writes = List.of(
					() -> this.api.patch("/user/me", Api.json(Map.of("nickName", nick)), "Authorization",
							"Bearer " + token),
					() -> this.api.patch("/user/me", Api.json(Map.of("signature", sign)), "Authorization",
							"Bearer " + token));

			assertThat(AtOnce.run(writes)).extracting(Reply::status).containsOnly(200);

			JsonNode me = this.api.get("/user/me", "Authorization", "Bearer " + token).json();
			assertThat(me.get("nickName").asString()).isEqualTo(nick);
			assertThat(me.get("signature").asString()).isEqualTo(sign);
		}
	}

	@Test
	void updateProfileWhenNullThenFieldCleared() {
		String token = this.api.token("clearer");
		this.api.patch("/user/me", Api.json(Map.of("nickName", "Ann")), "Authorization", "Bearer " + token);
		Map<String, Object> clear = new LinkedHashMap<>();
		clear.put("nickName", null);

		Reply patched = this.api.patch("/user/me", Api.json(clear), "Authorization", "Bearer " + token);

		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("nickName").isNull()).isTrue();
	}

	@Test
	void updateProfileWhenNickNameHasThirtyEmojiThenAccepted() {
		String token = this.api.token("emoji-30");

		Reply patched = this.api.patch("/user/me", Api.json(Map.of("nickName", "😀".repeat(30))), "Authorization",
				"Bearer " + token);

		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("nickName").asString()).isEqualTo("😀".repeat(30));
	}

	@Test
	void updateProfileWhenNickNameLongerThanThirtyThen400AndNothingStored() {
		String token = this.api.token("too-long");

		Reply patched = this.api.patch("/user/me", Api.json(Map.of("nickName", "a".repeat(31), "signature", "ok")),
				"Authorization", "Bearer " + token);

		assertThat(patched.status()).isEqualTo(400);
		assertThat(patched.code()).isEqualTo("INVALID_REQUEST");
		assertThat(patched.json().get("msg").asString()).isEqualTo("昵称不能超过 30 个字");
		JsonNode me = this.api.get("/user/me", "Authorization", "Bearer " + token).json();
		assertThat(me.get("nickName").isNull()).isTrue();
		assertThat(me.get("signature").isNull()).isTrue();
	}

	@Test
	void updateProfileWhenSignatureLongerThanThirtyThen400() {
		Reply patched = patch("sig-long", Map.of("signature", "字".repeat(31)));

		assertThat(patched.status()).isEqualTo(400);
		assertThat(patched.json().get("msg").asString()).isEqualTo("个性签名不能超过 30 个字");
	}

	@Test
	void updateProfileWhenAvatarUrlIsNotHttpsThen400() {
		Reply patched = patch("http-avatar", Map.of("avatarUrl", "http://example.com/a.png"));

		assertThat(patched.status()).isEqualTo(400);
		assertThat(patched.json().get("msg").asString()).isEqualTo("头像地址必须是 https 链接");
	}

	@Test
	void updateProfileWhenUnknownFieldThen400() {
		Reply patched = patch("unknown-field", Map.of("nickname", "typo"));

		assertThat(patched.status()).isEqualTo(400);
		assertThat(patched.code()).isEqualTo("INVALID_REQUEST");
		assertThat(patched.json().get("msg").asString()).contains("nickname");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidChanges")
	void updateProfileWhenChangeInvalidThenInvalidRequestAndProfileUnchanged(String why, String body) {
		String token = this.api.token("invalid-change");
		Map<String, Object> before = Map.of("nickName", "Before", "avatarUrl", "https://cdn.example.com/before.png",
				"signature", "before");
		assertThat(this.api.patch("/user/me", Api.json(before), "Authorization", "Bearer " + token).status())
			.isEqualTo(200);

		Reply patched = this.api.patch("/user/me", body, "Authorization", "Bearer " + token);

		assertThat(patched.status()).isEqualTo(400);
		assertThat(patched.code()).isEqualTo("INVALID_REQUEST");
		assertThat(patched.json().get("msg").asString()).isNotBlank();
		JsonNode me = this.api.get("/user/me", "Authorization", "Bearer " + token).json();
		assertThat(me.get("nickName").asString()).isEqualTo("Before");
		assertThat(me.get("avatarUrl").asString()).isEqualTo("https://cdn.example.com/before.png");
		assertThat(me.get("signature").asString()).isEqualTo("before");
	}

	static Stream<Arguments> invalidChanges() {
		return Stream.of(Arguments.of("blank nickname", Api.json(Map.of("nickName", "  "))),
				Arguments.of("control characters", Api.json(Map.of("nickName", "a\u0000b"))),
				Arguments.of("nickname not a string", Api.json(Map.of("nickName", 42))),
				Arguments.of("avatar not a URL", Api.json(Map.of("avatarUrl", "not a url"))),
				Arguments.of("javascript avatar", Api.json(Map.of("avatarUrl", "javascript:alert(1)"))),
				Arguments.of("avatar URL over 512",
						Api.json(Map.of("avatarUrl", "https://example.com/" + "a".repeat(500)))),
				Arguments.of("valid field beside an invalid one",
						Api.json(Map.of("signature", "changed", "avatarUrl", "http://example.com/a.png"))),
				Arguments.of("body not an object", "[1,2]"));
	}

	@Test
	void updateProfileWhenNoTokenThen401() {
		Reply patched = this.api.patch("/user/me", Api.json(Map.of("nickName", "x")));

		assertThat(patched.status()).isEqualTo(401);
		assertThat(patched.code()).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void updateProfileWhenPutWithOneFieldThenOthersUnchangedAsWithPatch() {
		String token = this.api.token("put-writer");
		this.api.patch("/user/me", Api.json(Map.of("nickName", "Ann", "signature", "hi")), "Authorization",
				"Bearer " + token);

		Reply put = put(token, Api.json(Map.of("signature", "bye")));

		assertThat(put.status()).isEqualTo(200);
		assertThat(put.json().get("nickName").asString()).isEqualTo("Ann");
		assertThat(put.json().get("signature").asString()).isEqualTo("bye");
		Reply me = this.api.get("/user/me", "Authorization", "Bearer " + token);
		assertThat(me.json().get("signature").asString()).isEqualTo("bye");
	}

	@Test
	void updateProfileWhenPutWithNullThenFieldCleared() {
		String token = this.api.token("put-clear");
		put(token, Api.json(Map.of("nickName", "Ann")));
		Map<String, Object> clear = new LinkedHashMap<>();
		clear.put("nickName", null);

		Reply put = put(token, Api.json(clear));

		assertThat(put.status()).isEqualTo(200);
		assertThat(put.json().get("nickName").isNull()).isTrue();
	}

	@Test
	void updateProfileWhenPutWithUnknownFieldThen400AndNothingStored() {
		String token = this.api.token("put-unknown");

		Reply put = put(token, Api.json(Map.of("nickName", "Ann", "nickname", "typo")));

		assertThat(put.status()).isEqualTo(400);
		assertThat(put.code()).isEqualTo("INVALID_REQUEST");
		assertThat(this.api.get("/user/me", "Authorization", "Bearer " + token).json().get("nickName").isNull())
			.isTrue();
	}

	@Test
	void updateProfileWhenPutWithoutTokenThen401() {
		Reply put = this.api.send("PUT", "/user/me", BodyPublishers.ofString(Api.json(Map.of("nickName", "x"))),
				"Content-Type", "application/json");

		assertThat(put.status()).isEqualTo(401);
		assertThat(put.code()).isEqualTo("UNAUTHORIZED");
	}

	private Reply put(String token, String json) {
		return this.api.send("PUT", "/user/me", BodyPublishers.ofString(json), "Content-Type", "application/json",
				"Authorization", "Bearer " + token);
	}

	private Reply patch(String user, Map<String, Object> change) {
		String token = this.api.token(user);
		return this.api.patch("/user/me", Api.json(change), "Authorization", "Bearer " + token);
	}

}
