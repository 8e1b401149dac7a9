package io.miniauth.server.web;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;

import io.miniauth.server.app.DemoApp;
import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that could be read two ways is refused with 400, never guessed at.
 */
class InputStrictnessIntegrationTests extends ServerHttpTests {

	@Test
	void requestWhenTwoAuthorizationHeadersThen400() {
		String token = this.api.token("two-headers");

		Reply reply = this.api.get("/user/me", "Authorization", "Bearer " + token, "Authorization", "Bearer other");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("INVALID_REQUEST");
	}

	@Test
	void loginWhenKeyTwiceOrCodeNotTextThen400AndWeChatNotCalled() {
		String code = this.api.wxLogin("strict-json");
		this.api.send("DELETE", "/emulator/calls", BodyPublishers.noBody());

		Reply twice = this.api.post("/user/login", "{\"code\":\"" + code + "\",\"code\":\"other\"}");
		Reply number = this.api.post("/user/login", "{\"code\":12345}");
		Reply bool = this.api.post("/user/login", "{\"code\":true}");

		assertThat(List.of(twice, number, bool)).allSatisfy((reply) -> {
			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.code()).isEqualTo("INVALID_REQUEST");
		});
		assertThat(this.api.get("/emulator/calls").json().at("/jscode2session/total").asInt()).isZero();
	}

	@Test
	void requestWhenAppidParameterAndRefererNameDifferentAppsThen400() {
		String token = this.api.token("two-apps");
		String referer = "https://servicewechat.com/" + DemoApp.APP.appid() + "/1/page-frame.html";

		Reply reply = this.api.get("/user/me?appid=wxsomeotherapp0001", "Authorization", "Bearer " + token, "Referer",
				referer);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("INVALID_REQUEST");
		assertThat(this.api
			.get("/user/me?appid=" + DemoApp.APP.appid(), "Authorization", "Bearer " + token, "Referer", referer)
			.status()).isEqualTo(200);
	}

	@Test
	void updateProfileWhenTextHasHiddenCharactersOrOnlySpacesThen400() {
		String token = this.api.token("hidden-text");
		// as JSON escapes, so that the lone surrogate reaches the service as it is
		String[] refused = { "evil\\u202Egnp.exe", "zero\\u200Bwidth", "\\u3000\\u3000", "\\u00A0", "line\\u2028break",
				"half\\uD800", "filler\\u3164", "\\u2066isolate" };

		for (String text : refused) {
			for (String field : new String[] { "nickName", "signature" }) {
				Reply reply = this.api.patch("/user/me", "{\"" + field + "\":\"" + text + "\"}", "Authorization",
						"Bearer " + token);
				assertThat(reply.status()).as(field + " " + text).isEqualTo(400);
				assertThat(reply.code()).isEqualTo("INVALID_REQUEST");
			}
		}
	}

	@Test
	void updateProfileWhenTextDecomposedOrEmojiWithJoinerThenStoredInNfc() {
		String token = this.api.token("nfc-text");

		Reply reply = this.api.patch("/user/me", Api
			.json(Map.of("nickName", "Ame\u0301lie", "signature", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67")),
				"Authorization", "Bearer " + token);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("nickName").asString()).isEqualTo("Am\u00E9lie");
		assertThat(this.api.get("/user/me", "Authorization", "Bearer " + token).json().get("signature").asString())
			.isEqualTo("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67");
	}

}
