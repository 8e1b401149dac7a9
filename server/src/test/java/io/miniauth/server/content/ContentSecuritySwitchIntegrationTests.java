package io.miniauth.server.content;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code miniauth.apps[N].content-security.enabled}: on unless switched off, per app.
 */
@TestPropertySource(properties = { "miniauth.emulator.enabled=true", "miniauth.apps[0].appid=wxchecked00000001",
		"miniauth.apps[0].secret=secret-a", "miniauth.apps[1].appid=wxunchecked000002",
		"miniauth.apps[1].secret=secret-b", "miniauth.apps[1].content-security.enabled=false" })
class ContentSecuritySwitchIntegrationTests extends ServerHttpTests {

	@Test
	void updateProfileWhenAppLeavesTheSwitchAloneThenChecked() {
		Reply patched = patch(token("checked-user", "wxchecked00000001"), Map.of("nickName", "[risky]"));

		assertThat(patched.status()).isEqualTo(400);
		assertThat(patched.code()).isEqualTo("CONTENT_RISKY");
	}

	@Test
	void updateProfileWhenAppSwitchedOffThenStoredWithoutAsking() {
		String token = token("unchecked-user", "wxunchecked000002");
		this.api.send("DELETE", "/emulator/calls", BodyPublishers.noBody());

		Reply patched = patch(token, Map.of("nickName", "[risky]", "avatarUrl", "https://cdn.example.com/risky.png"));

		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("nickName").asString()).isEqualTo("[risky]");
		assertThat(this.api.get("/emulator/calls").json().at("/msg_sec_check/total").asInt()).isZero();
		assertThat(this.api.get("/emulator/calls").json().at("/media_check_async/total").asInt()).isZero();
	}

	private String token(String user, String appid) {
		return this.api.post("/user/login", Api.json(Map.of("code", this.api.wxLogin(user, appid), "appid", appid)))
			.json()
			.get("token")
			.asString();
	}

	private Reply patch(String token, Map<String, Object> change) {
		return this.api.patch("/user/me", Api.json(change), "Authorization", "Bearer " + token);
	}

}
