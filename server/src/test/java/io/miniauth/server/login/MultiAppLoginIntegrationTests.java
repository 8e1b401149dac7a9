package io.miniauth.server.login;

import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.MiniAuthTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several configured apps, with the emulator switched on explicitly: the login names its
 * app, and unionid comes only for an app bound to an open-platform account.
 */
@MiniAuthTest
@TestPropertySource(properties = { "miniauth.emulator.enabled=true", "miniauth.apps[0].appid=wxbound0000000001",
		"miniauth.apps[0].secret=secret-a", "miniauth.apps[0].open-platform=open-1",
		"miniauth.apps[1].appid=wxsolo00000000002", "miniauth.apps[1].secret=secret-b" })
class MultiAppLoginIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

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

	private JsonNode login(String user, String appid) {
		Reply reply = this.api.post("/user/login",
				Api.json(Map.of("code", this.api.wxLogin(user, appid), "appid", appid)));
		assertThat(reply.status()).isEqualTo(200);
		return reply.json();
	}

}
