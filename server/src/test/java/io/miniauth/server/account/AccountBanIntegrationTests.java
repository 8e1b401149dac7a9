package io.miniauth.server.account;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bans through the operator API: every session ends at once, every path refuses the
 * banned user, a timed ban lapses with the clock, an unban allows new logins only; and
 * the {@code reason} of {@code TOKEN_REVOKED}.
 */
@TestPropertySource(properties = "miniauth.admin.api-keys=ops-key-1, ops-key-2")
class AccountBanIntegrationTests extends ServerHttpTests {

	private static final String KEY = "ops-key-2";

	@Test
	void banWhenUserHasSessionsThenEveryPathRefusesAtOnce() {
		JsonNode first = this.api.login("ban-every-path").json();
		JsonNode second = this.api.login("ban-every-path").json();
		String id = first.get("user").get("id").asString();
		String token = first.get("token").asString();

		Reply banned = ban(id, null, "spam");

		assertThat(banned.status()).isEqualTo(200);
		assertThat(banned.json().get("status").asString()).isEqualTo("banned");
		assertThat(banned.json().get("statusUntil").isNull()).isTrue();
		assertThat(banned.json().get("statusReason").asString()).isEqualTo("spam");
		assertThat(banned.json().get("id").asString()).isEqualTo(id);
		String auth = "Bearer " + token;
		assertBanned(this.api.get("/user/me", "Authorization", auth), null);
		assertBanned(this.api.patch("/user/me", "{\"nickName\":\"x\"}", "Authorization", auth), null);
		assertBanned(this.api.post("/user/phone", "{\"code\":\"whatever\"}", "Authorization", auth), null);
		assertBanned(this.api.post("/user/decrypt", "{\"encryptedData\":\"AAAA\",\"iv\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}",
				"Authorization", auth), null);
		assertBanned(this.api.get("/user/me", "Authorization", "Bearer " + second.get("token").asString()), null);
		assertBanned(refresh(second.get("refreshToken").asString()), null);
		assertBanned(this.api.post("/user/login", Api.json(Map.of("code", this.api.wxLogin("ban-every-path")))), null);
	}

	@Test
	void loginWhenCodeRepeatedAfterBanThenAccountBanned() {
		String code = this.api.wxLogin("ban-repeat");
		Reply login = this.api.post("/user/login", Api.json(Map.of("code", code)));
		assertThat(login.status()).isEqualTo(200);

		ban(login.json().get("user").get("id").asString(), null, null);

		assertBanned(this.api.post("/user/login", Api.json(Map.of("code", code))), null);
	}

	@Test
	void banWhenTimedThenRefusedUntilTheClockPassesUntil() {
		JsonNode login = this.api.login("ban-timed").json();
		Instant until = this.clock.instant().plus(Duration.ofMinutes(30));

		Reply banned = ban(login.get("user").get("id").asString(), until, "cool off");

		assertThat(banned.json().get("statusUntil").asString()).isEqualTo(until.toString());
		Reply refused = this.api.post("/user/login", Api.json(Map.of("code", this.api.wxLogin("ban-timed"))));
		assertBanned(refused, until);
		assertThat(refused.json().get("msg").asString()).contains(until.toString());
		this.clock.advance(Duration.ofMinutes(30));
		assertThat(this.api.post("/user/login", Api.json(Map.of("code", this.api.wxLogin("ban-timed")))).status())
			.isEqualTo(200);
		// the ban ended the old session for good
		Reply old = this.api.get("/user/me", "Authorization", "Bearer " + login.get("token").asString());
		assertThat(old.status()).isEqualTo(401);
		assertThat(old.code()).isEqualTo("TOKEN_REVOKED");
		assertThat(old.json().get("reason").asString()).isEqualTo("banned");
	}

	@Test
	void unbanWhenBannedThenNewLoginsWorkAndEndedSessionsStayEnded() {
		JsonNode login = this.api.login("ban-lifted").json();
		String id = login.get("user").get("id").asString();
		ban(id, null, null);

		Reply unbanned = this.api.send("DELETE", "/admin/api/users/" + id + "/ban", BodyPublishers.noBody(),
				"Authorization", "Bearer " + KEY);

		assertThat(unbanned.status()).isEqualTo(200);
		assertThat(unbanned.json().get("status").asString()).isEqualTo("active");
		assertThat(unbanned.json().get("statusReason").isNull()).isTrue();
		Reply old = refresh(login.get("refreshToken").asString());
		assertThat(old.status()).isEqualTo(401);
		assertThat(old.code()).isEqualTo("TOKEN_REVOKED");
		assertThat(old.json().get("reason").asString()).isEqualTo("banned");
		JsonNode again = this.api.login("ban-lifted").json();
		assertThat(again.get("user").get("id").asString()).isEqualTo(id);
		assertThat(again.get("isNewUser").asBoolean()).isFalse();
	}

	@Test
	void banWhenUntilInThePastThenInvalidRequest() {
		String id = this.api.login("ban-past").json().get("user").get("id").asString();

		Reply reply = ban(id, this.clock.instant().minusSeconds(1), null);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("INVALID_REQUEST");
	}

	@Test
	void banWhenUnknownUserThenNotFound() {
		Reply reply = ban("no-such-user", null, null);

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.code()).isEqualTo("USER_NOT_FOUND");
	}

	@Test
	void adminRoutesWhenKeyMissingOrWrongThenUnauthorized() {
		String id = this.api.login("ban-no-key").json().get("user").get("id").asString();
		String body = "{\"until\":null}";

		Reply missing = this.api.post("/admin/api/users/" + id + "/ban", body);
		Reply wrong = this.api.post("/admin/api/users/" + id + "/ban", body, "Authorization", "Bearer ops-key-3");
		Reply demo = this.api.send("DELETE", "/admin/api/users/" + id, BodyPublishers.noBody(), "Authorization",
				"Bearer demo-admin-key");
		Reply first = this.api.send("DELETE", "/admin/api/users/" + id + "/ban", BodyPublishers.noBody(),
				"Authorization", "Bearer ops-key-1");

		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.code()).isEqualTo("UNAUTHORIZED");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.body()).doesNotContain("ops-key");
		assertThat(demo.status()).isEqualTo(401);
		assertThat(first.status()).isEqualTo(200);
		assertThat(this.api.get("/user/me", "Authorization", "Bearer " + this.api.token("ban-no-key")).status())
			.isEqualTo(200);
	}

	@Test
	void tokenRevokedWhenSessionEndedThenReasonSaysWhy() {
		String loggedOut = this.api.token("reason-user");
		String endedElsewhere = this.api.token("reason-user");
		String current = this.api.token("reason-user");
		this.api.post("/user/logout", "", "Authorization", "Bearer " + loggedOut);
		this.api.send("DELETE", "/user/sessions", BodyPublishers.noBody(), "Authorization", "Bearer " + current);

		Reply logout = this.api.get("/user/me", "Authorization", "Bearer " + loggedOut);
		Reply ended = this.api.get("/user/me", "Authorization", "Bearer " + endedElsewhere);

		assertThat(logout.code()).isEqualTo("TOKEN_REVOKED");
		assertThat(logout.json().get("reason").asString()).isEqualTo("logout");
		assertThat(ended.code()).isEqualTo("TOKEN_REVOKED");
		assertThat(ended.json().get("reason").asString()).isEqualTo("ended_by_user");
	}

	@Test
	void loginWhenBannedWithPhoneCodeThenAccountBannedAndNoPhoneBound() {
		String id = this.api.login("ban-phone").json().get("user").get("id").asString();
		ban(id, null, "spam");
		String phoneCode = this.api
			.post("/emulator/wx/phone-code", Api.json(Map.of("user", "ban-phone", "phoneNumber", "13600000001")))
			.json()
			.get("code")
			.asString();

		assertBanned(this.api.post("/user/login",
				Api.json(Map.of("code", this.api.wxLogin("ban-phone"), "phoneCode", phoneCode))), null);

		Reply unbanned = this.api.send("DELETE", "/admin/api/users/" + id + "/ban", BodyPublishers.noBody(),
				"Authorization", "Bearer " + KEY);
		assertThat(unbanned.json().get("phoneNumber").isNull()).as(unbanned.body()).isTrue();
	}

	@Test
	void banWhenSignatureUnderReviewThenTheAdminViewShowsIt() {
		JsonNode login = this.api.login("ban-review").json();
		this.api.patch("/user/me", "{\"signature\":\"maybe [review]\"}", "Authorization",
				"Bearer " + login.get("token").asString());

		Reply banned = ban(login.get("user").get("id").asString(), null, "check");

		assertThat(banned.json().get("contentReview").toString()).isEqualTo("[\"signature\"]");
		assertThat(banned.json().get("personId").asString()).isEqualTo(login.get("user").get("id").asString());
	}

	private void assertBanned(Reply reply, Instant until) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(403);
		assertThat(reply.code()).isEqualTo("ACCOUNT_BANNED");
		assertThat(reply.json().has("until")).isTrue();
		if (until == null) {
			assertThat(reply.json().get("until").isNull()).isTrue();
		}
		else {
			assertThat(reply.json().get("until").asString()).isEqualTo(until.toString());
		}
		assertThat(reply.json().get("reason").asString()).isEqualTo("banned");
	}

	private Reply ban(String id, Instant until, String reason) {
		Map<String, Object> body = new HashMap<>();
		body.put("until", (until != null) ? until.toString() : null);
		body.put("reason", reason);
		return this.api.post("/admin/api/users/" + id + "/ban", Api.json(body), "Authorization", "Bearer " + KEY);
	}

	private Reply refresh(String refreshToken) {
		return this.api.post("/user/token/refresh", Api.json(Map.of("refreshToken", refreshToken)));
	}

}
