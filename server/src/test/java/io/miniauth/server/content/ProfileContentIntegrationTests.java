package io.miniauth.server.content;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PATCH /user/me} in demo mode, checked by the emulator's content security: the
 * out-of-the-box words {@code [risky]} and {@code [review]}, and WeChat unavailable under
 * the default policy (store unchecked, with an event).
 */
class ProfileContentIntegrationTests extends ServerHttpTests {

	@AfterEach
	void clearFaults() {
		this.api.send("DELETE", "/emulator/faults", BodyPublishers.noBody());
	}

	@Test
	void updateProfileWhenNickNamePassesThenStoredAndChecked() {
		String token = this.api.token("content-pass");
		this.api.send("DELETE", "/emulator/calls", BodyPublishers.noBody());

		Reply patched = patch(token, Map.of("nickName", "小明"));

		assertThat(patched.status()).isEqualTo(200);
		assertThat(me(token).get("nickName").asString()).isEqualTo("小明");
		assertThat(this.api.get("/emulator/calls").json().at("/msg_sec_check/ok").asInt()).isEqualTo(1);
	}

	@Test
	void updateProfileWhenNickNameRiskyThen400ContentRiskyAndNothingStored() {
		String token = this.api.token("content-risky");
		patch(token, Map.of("nickName", "Before", "signature", "old"));

		Reply patched = patch(token, Map.of("nickName", "bad [risky] name", "signature", "new"));

		assertThat(patched.status()).isEqualTo(400);
		assertThat(patched.code()).isEqualTo("CONTENT_RISKY");
		assertThat(patched.json().get("msg").asString()).isNotBlank();
		JsonNode me = me(token);
		assertThat(me.get("nickName").asString()).isEqualTo("Before");
		assertThat(me.get("signature").asString()).isEqualTo("old");
		assertThat(events(token)).contains("content_refused");
	}

	@Test
	void updateProfileWhenSignatureForReviewThenStoredAndFlagged() {
		String token = this.api.token("content-review");

		Reply patched = patch(token, Map.of("signature", "maybe [review]"));

		assertThat(patched.status()).isEqualTo(200);
		assertThat(me(token).get("signature").asString()).isEqualTo("maybe [review]");
		assertThat(events(token)).contains("content_review");
	}

	@Test
	void updateProfileWhenWeChatDownAndPolicyAllowThenStoredUncheckedWithAnEvent() {
		String token = this.api.token("content-down");
		injectBusy("msg_sec_check");

		Reply patched = patch(token, Map.of("nickName", "unchecked [risky]"));

		assertThat(patched.status()).isEqualTo(200);
		assertThat(me(token).get("nickName").asString()).isEqualTo("unchecked [risky]");
		assertThat(events(token)).contains("content_unchecked");
	}

	@Test
	void updateProfileWhenUserNotRecentlyActiveThenStoredUncheckedWithAnEvent() {
		JsonNode login = this.api.login("content-idle").json();
		this.clock.advance(Duration.ofHours(2).plusSeconds(1));
		String token = this.api
			.post("/user/token/refresh", Api.json(Map.of("refreshToken", login.get("refreshToken").asString())))
			.json()
			.get("token")
			.asString();
		this.api.send("DELETE", "/emulator/calls", BodyPublishers.noBody());

		Reply patched = patch(token, Map.of("nickName", "idle"));

		assertThat(patched.status()).isEqualTo(200);
		assertThat(me(token).get("nickName").asString()).isEqualTo("idle");
		assertThat(this.api.get("/emulator/calls").json().at("/msg_sec_check/61010").asInt()).isEqualTo(1);
		assertThat(events(token)).contains("content_unchecked");
	}

	private void injectBusy(String endpoint) {
		this.api.send("PUT", "/emulator/faults",
				BodyPublishers.ofString(Api
					.json(Map.of("seed", 7, "endpoints", Map.of(endpoint, Map.of("errcode", -1, "errorRate", 1.0))))),
				"Content-Type", "application/json");
	}

	private Reply patch(String token, Map<String, Object> change) {
		return this.api.patch("/user/me", Api.json(change), "Authorization", "Bearer " + token);
	}

	private JsonNode me(String token) {
		return this.api.get("/user/me", "Authorization", "Bearer " + token).json();
	}

	private String events(String token) {
		return this.api.get("/user/events", "Authorization", "Bearer " + token).json().get("events").toString();
	}

}
