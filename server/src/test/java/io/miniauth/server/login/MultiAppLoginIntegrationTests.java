package io.miniauth.server.login;

import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several configured apps, with the emulator switched on explicitly: the login names its
 * app, and unionid comes only for an app bound to an open-platform account.
 */
@TestPropertySource(properties = { "miniauth.emulator.enabled=true", "miniauth.apps[0].appid=wxbound0000000001",
		"miniauth.apps[0].secret=secret-a", "miniauth.apps[0].open-platform=open-1",
		"miniauth.apps[1].appid=wxsolo00000000002", "miniauth.apps[1].secret=secret-b",
		"miniauth.apps[2].appid=wxsister000000003", "miniauth.apps[2].secret=secret-c",
		"miniauth.apps[2].open-platform=open-1" })
class MultiAppLoginIntegrationTests extends ServerHttpTests {

	@Test
	void loginWhenSeveralAppsAndNoAppidThen400AppidRequired() {
		Reply reply = this.api.post("/user/login",
				Api.json(Map.of("code", this.api.wxLogin("undecided", "wxbound0000000001"))));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("APPID_REQUIRED");
	}

	@Test
	void loginWhenAppBoundToOpenPlatformThenUnionid() {
		JsonNode user = login("bound-user", "wxbound0000000001").get("user");

		assertThat(user.get("appid").asString()).isEqualTo("wxbound0000000001");
		assertThat(user.get("unionid").asString()).isNotBlank();
	}

	@Test
	void loginWhenAppNotBoundThenUnionidNull() {
		JsonNode user = login("solo-user", "wxsolo00000000002").get("user");

		assertThat(user.get("appid").asString()).isEqualTo("wxsolo00000000002");
		assertThat(user.get("unionid").isNull()).isTrue();
	}

	@Test
	void loginWhenSamePersonInTwoAppsThenTwoUsersWithDifferentOpenids() {
		JsonNode a = login("two-apps", "wxbound0000000001").get("user");
		JsonNode b = login("two-apps", "wxsolo00000000002").get("user");

		assertThat(a.get("id").asString()).isNotEqualTo(b.get("id").asString());
		assertThat(a.get("openid").asString()).isNotEqualTo(b.get("openid").asString());
	}

	@Test
	void loginWhenCodeOfOneAppSentForTheOtherThen400InvalidCode() {
		Reply reply = this.api.post("/user/login",
				Api.json(Map.of("code", this.api.wxLogin("mixup", "wxbound0000000001"), "appid", "wxsolo00000000002")));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("INVALID_CODE");
	}

	@Test
	void loginWhenSamePersonInTwoAppsOfOneOpenPlatformThenSameUnionidTwoUsersAndLinkedApps() {
		JsonNode a = login("sisters", "wxbound0000000001");
		JsonNode c = login("sisters", "wxsister000000003");

		assertThat(c.at("/user/unionid").asString()).isEqualTo(a.at("/user/unionid").asString());
		assertThat(c.at("/user/id").asString()).isNotEqualTo(a.at("/user/id").asString());
		JsonNode meInC = this.api.get("/user/me", "Authorization", "Bearer " + c.get("token").asString()).json();
		JsonNode meInA = this.api.get("/user/me", "Authorization", "Bearer " + a.get("token").asString()).json();
		assertThat(meInC.get("linkedApps")).extracting(JsonNode::asString).containsExactly("wxbound0000000001");
		assertThat(meInA.get("linkedApps")).extracting(JsonNode::asString).containsExactly("wxsister000000003");
	}

	@Test
	void requestWhenItNamesAnotherAppThanTheTokensThen401TokenInvalid() {
		String token = login("one-app-only", "wxbound0000000001").get("token").asString();

		Reply byParameter = this.api.get("/user/me?appid=wxsolo00000000002", "Authorization", "Bearer " + token);
		Reply byReferer = this.api.get("/user/me", "Authorization", "Bearer " + token, "Referer",
				"https://servicewechat.com/wxsolo00000000002/3/page-frame.html");
		Reply ownApp = this.api.get("/user/me", "Authorization", "Bearer " + token, "Referer",
				"https://servicewechat.com/wxbound0000000001/3/page-frame.html");

		assertThat(byParameter.status()).isEqualTo(401);
		assertThat(byParameter.code()).isEqualTo("TOKEN_INVALID");
		assertThat(byReferer.status()).isEqualTo(401);
		assertThat(ownApp.status()).isEqualTo(200);
	}

	@Test
	void refreshWhenRequestNamesAnotherAppThen401AndTheTokenIsNotSpent() {
		String refreshToken = login("refresh-one-app", "wxbound0000000001").get("refreshToken").asString();

		Reply other = this.api.post("/user/token/refresh?appid=wxsolo00000000002",
				Api.json(Map.of("refreshToken", refreshToken)));
		Reply own = this.api.post("/user/token/refresh", Api.json(Map.of("refreshToken", refreshToken)), "Referer",
				"https://servicewechat.com/wxbound0000000001/1/page-frame.html");

		assertThat(other.status()).isEqualTo(401);
		assertThat(other.code()).isEqualTo("TOKEN_INVALID");
		assertThat(own.status()).isEqualTo(200);
	}

	private JsonNode login(String user, String appid) {
		Reply reply = this.api.post("/user/login",
				Api.json(Map.of("code", this.api.wxLogin(user, appid), "appid", appid)));
		assertThat(reply.status()).isEqualTo(200);
		return reply.json();
	}

}
