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

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new avatar goes to {@code media_check_async}; the emulator pushes the verdict
 * ({@code wxa_media_check}, signed and encrypted) to {@code /wechat/push/{appid}} once it
 * is due: a risky verdict removes the avatar, one for review flags it for the operators
 * (the emulator's review images configured here). The test moves the clock and asks for
 * the due pushes instead of waiting.
 */
@TestPropertySource(properties = { "emulator.content-security.media-result-poll-interval=0",
		"emulator.content-security.review-media=needs-a-look",
		"miniauth.admin.api-keys=" + AvatarCheckIntegrationTests.KEY })
class AvatarCheckIntegrationTests extends ServerHttpTests {

	static final String KEY = "avatar-ops-key";

	@AfterEach
	void clearFaults() {
		this.api.send("DELETE", "/emulator/faults", BodyPublishers.noBody());
	}

	@Test
	void updateProfileWhenAvatarRiskyThenStoredUntilTheVerdictRemovesIt() {
		String token = this.api.token("risky-avatar");
		this.api.send("DELETE", "/emulator/calls", BodyPublishers.noBody());

		Reply patched = patch(token, Map.of("avatarUrl", "https://cdn.example.com/risky-cat.png"));

		assertThat(patched.status()).isEqualTo(200);
		assertThat(me(token).get("avatarUrl").asString()).isEqualTo("https://cdn.example.com/risky-cat.png");
		assertThat(this.api.get("/emulator/calls").json().at("/media_check_async/ok").asInt()).isEqualTo(1);

		assertThat(pushDue()).isPositive();

		assertThat(me(token).get("avatarUrl").isNull()).isTrue();
		assertThat(events(token)).contains("avatar_removed");
	}

	@Test
	void updateProfileWhenAvatarPassesThenKeptAfterTheVerdict() {
		String token = this.api.token("fine-avatar");
		patch(token, Map.of("avatarUrl", "https://cdn.example.com/cat.png"));

		assertThat(pushDue()).isPositive();

		assertThat(me(token).get("avatarUrl").asString()).isEqualTo("https://cdn.example.com/cat.png");
		assertThat(events(token)).doesNotContain("avatar_removed");
	}

	@Test
	void updateProfileWhenAvatarForReviewThenKeptAndFlaggedForTheOperators() {
		JsonNode login = this.api.login("review-avatar").json();
		String token = login.get("token").asString();
		String id = login.get("user").get("id").asString();
		patch(token, Map.of("avatarUrl", "https://cdn.example.com/needs-a-look/cat.png"));
		assertThat(admin(id).get("contentReview").toString()).isEqualTo("[]");

		assertThat(pushDue()).isPositive();

		assertThat(me(token).get("avatarUrl").asString()).isEqualTo("https://cdn.example.com/needs-a-look/cat.png");
		JsonNode detail = admin(id);
		assertThat(detail.get("contentReview").toString()).isEqualTo("[\"avatarUrl\"]");
		assertThat(detail.get("events").toString()).contains("content_review");
		assertThat(events(token)).doesNotContain("avatar_removed");
		assertThat(this.api
			.get("/admin/api/users?openid=" + detail.get("openid").asString(), "Authorization", "Bearer " + KEY)
			.json()
			.at("/users/0/contentReview")
			.toString()).isEqualTo("[\"avatarUrl\"]");
	}

	@Test
	void updateProfileWhenAvatarUnderReviewReplacedThenTheFlagGoesWithIt() {
		JsonNode login = this.api.login("review-avatar-replaced").json();
		String token = login.get("token").asString();
		String id = login.get("user").get("id").asString();
		patch(token,
				Map.of("avatarUrl", "https://cdn.example.com/needs-a-look/dog.png", "signature", "maybe [review]"));
		pushDue();
		assertThat(admin(id).get("contentReview").toString()).isEqualTo("[\"signature\",\"avatarUrl\"]");

		patch(token, Map.of("avatarUrl", "https://cdn.example.com/dog.png"));
		pushDue();

		assertThat(admin(id).get("contentReview").toString()).isEqualTo("[\"signature\"]");
		assertThat(me(token).get("avatarUrl").asString()).isEqualTo("https://cdn.example.com/dog.png");
	}

	@Test
	void updateProfileWhenRiskyAvatarReplacedBeforeItsVerdictThenTheNewOneStays() {
		String token = this.api.token("replaced-avatar");
		patch(token, Map.of("avatarUrl", "https://cdn.example.com/risky-dog.png"));
		patch(token, Map.of("avatarUrl", "https://cdn.example.com/dog.png"));

		assertThat(pushDue()).isGreaterThanOrEqualTo(2);

		assertThat(me(token).get("avatarUrl").asString()).isEqualTo("https://cdn.example.com/dog.png");
	}

	@Test
	void updateProfileWhenMediaCheckDownAndPolicyAllowThenStoredUnchecked() {
		String token = this.api.token("unchecked-avatar");
		this.api.send("PUT", "/emulator/faults",
				BodyPublishers.ofString(Api.json(Map.of("seed", 7, "endpoints",
						Map.of("media_check_async", Map.of("errcode", -1, "errorRate", 1.0))))),
				"Content-Type", "application/json");

		Reply patched = patch(token, Map.of("avatarUrl", "https://cdn.example.com/risky-unchecked.png"));

		assertThat(patched.status()).isEqualTo(200);
		assertThat(events(token)).contains("content_unchecked");
	}

	private int pushDue() {
		this.clock.advance(Duration.ofSeconds(5));
		Reply reply = this.api.post("/emulator/wx/media-check/push-due", "{}");
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().get("pushed").asInt();
	}

	private JsonNode admin(String userId) {
		Reply reply = this.api.get("/admin/api/users/" + userId, "Authorization", "Bearer " + KEY);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
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
