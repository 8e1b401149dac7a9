package io.miniauth.server.account;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account deletion at once ({@code DELETE /user/me} with a confirming code, and the
 * operator's {@code DELETE /admin/api/users/{id}}): the row keeps nothing that leads back
 * to the person, the old tokens say {@code reason=deleted}, and the same WeChat user
 * comes back as a new user.
 */
@TestPropertySource(properties = { "miniauth.emulator.enabled=true", "miniauth.apps[0].appid=wxleaving000000001",
		"miniauth.apps[0].secret=secret-a", "miniauth.apps[0].open-platform=open-1",
		"miniauth.apps[1].appid=wxstaying000000002", "miniauth.apps[1].secret=secret-b",
		"miniauth.apps[1].open-platform=open-1", "miniauth.admin.api-keys=ops-key" })
class AccountDeletionIntegrationTests extends ServerHttpTests {

	private static final String LEAVING = "wxleaving000000001";

	private static final String STAYING = "wxstaying000000002";

	@Autowired
	JdbcClient jdbc;

	@Test
	void deleteMeWhenCodeOfSameUserThenErasedAndOldTokensRevokedWithReasonDeleted() {
		JsonNode login = login("leaver", LEAVING);
		String id = login.get("user").get("id").asString();
		String openid = login.get("user").get("openid").asString();
		String unionid = login.get("user").get("unionid").asString();
		String token = login.get("token").asString();
		this.api.patch("/user/me", "{\"nickName\":\"Leaver\",\"signature\":\"bye\"}", "Authorization",
				"Bearer " + token);
		this.jdbc
			.sql("UPDATE users SET phone_number = '13900000000', pure_phone_number = '13900000000', "
					+ "country_code = '86' WHERE id = ?")
			.param(id)
			.update();
		JsonNode sister = login("leaver", STAYING);
		assertThat(sister.get("user").get("linkedApps")).extracting(JsonNode::asString).containsExactly(LEAVING);

		Reply deleted = deleteMe(token, this.api.wxLogin("leaver", LEAVING));

		assertThat(deleted.status()).isEqualTo(204);
		Map<String, Object> row = this.jdbc.sql("SELECT * FROM users WHERE id = ?").param(id).query().singleRow();
		assertThat(row.get("OPENID").toString()).startsWith("d.").isNotEqualTo(openid);
		assertThat(row.get("UNIONID").toString()).startsWith("d.").isNotEqualTo(unionid);
		assertThat(row.get("STATUS")).isEqualTo("deleted");
		assertThat(row.get("DELETED_AT")).isNotNull();
		for (String erased : List.of("NICK_NAME", "AVATAR_URL", "SIGNATURE", "PHONE_NUMBER", "PURE_PHONE_NUMBER",
				"COUNTRY_CODE", "SESSION_KEY", "PREVIOUS_SESSION_KEY")) {
			assertThat(row.get(erased)).as(erased).isNull();
		}
		assertThat(row.values()).doesNotContain(openid, unionid);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM auth_events WHERE user_id = ? AND "
					+ "(client_ip IS NOT NULL OR user_agent IS NOT NULL)")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT outcome FROM auth_events WHERE user_id = ? AND event = 'DELETED'")
			.param(id)
			.query(String.class)
			.list()).containsExactly("user");
		Reply old = this.api.get("/user/me", "Authorization", "Bearer " + token);
		assertThat(old.status()).isEqualTo(401);
		assertThat(old.code()).isEqualTo("TOKEN_REVOKED");
		assertThat(old.json().get("reason").asString()).isEqualTo("deleted");
		Reply refresh = this.api.post("/user/token/refresh",
				Api.json(Map.of("refreshToken", login.get("refreshToken").asString())));
		assertThat(refresh.code()).isEqualTo("TOKEN_REVOKED");
		assertThat(refresh.json().get("reason").asString()).isEqualTo("deleted");
		JsonNode again = login("leaver", LEAVING);
		assertThat(again.get("isNewUser").asBoolean()).isTrue();
		assertThat(again.get("user").get("id").asString()).isNotEqualTo(id);
		assertThat(again.get("user").get("openid").asString()).isEqualTo(openid);
		assertThat(again.get("user").get("nickName").isNull()).isTrue();
	}

	@Test
	void deleteMeWhenLinkedUserDeletedThenLinkedAppsNoLongerListIt() {
		JsonNode staying = login("linked-leaver", STAYING);
		JsonNode leaving = login("linked-leaver", LEAVING);

		deleteMe(leaving.get("token").asString(), this.api.wxLogin("linked-leaver", LEAVING));

		Reply me = this.api.get("/user/me", "Authorization", "Bearer " + staying.get("token").asString());
		assertThat(me.json().get("linkedApps")).isEmpty();
	}

	@Test
	void deleteMeWhenCodeOfAnotherUserThenStepUpMismatchAndNothingChanges() {
		JsonNode login = login("victim", LEAVING);
		String token = login.get("token").asString();

		Reply refused = deleteMe(token, this.api.wxLogin("thief", LEAVING));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("STEP_UP_MISMATCH");
		Reply me = this.api.get("/user/me", "Authorization", "Bearer " + token);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("openid").asString()).isEqualTo(login.get("user").get("openid").asString());
	}

	@Test
	void deleteMeWhenCodeBadOrUsedThenLoginErrors() {
		String code = this.api.wxLogin("careful", LEAVING);
		JsonNode login = this.api.post("/user/login", Api.json(Map.of("code", code, "appid", LEAVING))).json();
		String token = login.get("token").asString();

		Reply used = deleteMe(token, code);
		Reply bad = deleteMe(token, "not-a-code");
		Reply missing = this.api.send("DELETE", "/user/me", BodyPublishers.ofString("{}"), "Content-Type",
				"application/json", "Authorization", "Bearer " + token);

		assertThat(used.status()).isEqualTo(400);
		assertThat(used.code()).isEqualTo("CODE_ALREADY_USED");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.code()).isEqualTo("INVALID_CODE");
		assertThat(missing.code()).isEqualTo("INVALID_REQUEST");
		assertThat(this.api.get("/user/me", "Authorization", "Bearer " + token).status()).isEqualTo(200);
	}

	@Test
	void adminDeleteWhenKeyValidThenUserErasedAndSessionsEnded() {
		JsonNode login = login("operator-deleted", LEAVING);
		String id = login.get("user").get("id").asString();

		Reply deleted = this.api.send("DELETE", "/admin/api/users/" + id, BodyPublishers.noBody(), "Authorization",
				"Bearer ops-key");
		Reply banDeleted = this.api.post("/admin/api/users/" + id + "/ban", "{}", "Authorization", "Bearer ops-key");
		Reply unbanDeleted = this.api.send("DELETE", "/admin/api/users/" + id + "/ban", BodyPublishers.noBody(),
				"Authorization", "Bearer ops-key");

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(banDeleted.status()).isEqualTo(409);
		assertThat(banDeleted.code()).isEqualTo("ACCOUNT_DELETED");
		assertThat(unbanDeleted.code()).isEqualTo("ACCOUNT_DELETED");
		Reply old = this.api.get("/user/me", "Authorization", "Bearer " + login.get("token").asString());
		assertThat(old.json().get("reason").asString()).isEqualTo("deleted");
		assertThat(this.jdbc.sql("SELECT outcome FROM auth_events WHERE user_id = ? AND event = 'DELETED'")
			.param(id)
			.query(String.class)
			.list()).containsExactly("operator");
	}

	@Test
	void adminRoutesWhenAppsConfiguredThenDemoKeyRefused() {
		String id = login("no-demo-key", LEAVING).get("user").get("id").asString();

		Reply reply = this.api.send("DELETE", "/admin/api/users/" + id, BodyPublishers.noBody(), "Authorization",
				"Bearer demo-admin-key");

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
	}

	private JsonNode login(String user, String appid) {
		Reply reply = this.api.post("/user/login",
				Api.json(Map.of("code", this.api.wxLogin(user, appid), "appid", appid)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private Reply deleteMe(String token, String code) {
		return this.api.send("DELETE", "/user/me", BodyPublishers.ofString(Api.json(Map.of("code", code))),
				"Content-Type", "application/json", "Authorization", "Bearer " + token);
	}

}
