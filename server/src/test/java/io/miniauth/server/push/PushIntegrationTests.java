package io.miniauth.server.push;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.HashMap;
import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WeChat's pushes to {@code /wechat/push/{appid}}: the official test vectors, and each
 * user-data event in plain and secure mode, JSON and XML, sent by the embedded emulator
 * exactly as WeChat sends them (demo mode pre-wires it).
 */
@TestPropertySource(properties = { "miniauth.push.apps.wxba5fad812f8e6fb9.token=AAAAA",
		"miniauth.push.apps.wxba5fad812f8e6fb9.encoding-aes-key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
class PushIntegrationTests extends ServerHttpTests {

	private static final String VECTOR_APP = "/wechat/push/wxba5fad812f8e6fb9";

	@Autowired
	JdbcClient jdbc;

	@Test
	void verifyUrlWhenOfficialVectorThenAnswersRawEchostr() {
		Reply reply = this.api.get(VECTOR_APP + "?signature=f464b24fc39322e44b38aa78f5edd27bd1441696"
				+ "&timestamp=1714036504&nonce=1514711492&echostr=4375120948345356249");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).isEqualTo("4375120948345356249");
	}

	@Test
	void verifyUrlWhenSignatureForgedThenUnauthorized() {
		Reply reply = this.api.get(VECTOR_APP + "?signature=0464b24fc39322e44b38aa78f5edd27bd1441696"
				+ "&timestamp=1714036504&nonce=1514711492&echostr=4375120948345356249");

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.code()).isEqualTo("PUSH_SIGNATURE_INVALID");
		assertThat(reply.body()).doesNotContain("4375120948345356249");
	}

	@Test
	void verifyUrlWhenAppHasNoTokenThenNotConfigured() {
		Reply reply = this.api.get("/wechat/push/wxnopush0000000001?signature=x&timestamp=1&nonce=2&echostr=3");

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.code()).isEqualTo("PUSH_NOT_CONFIGURED");
	}

	@Test
	void receiveWhenOfficialPlainVectorThenSuccess() {
		String body = "{\"ToUserName\":\"gh_97417a04a28d\",\"FromUserName\":\"o9AgO5Kd5ggOC-bXrbNODIiE3bGY\","
				+ "\"CreateTime\":1714037059,\"MsgType\":\"event\",\"Event\":\"debug_demo\",\"debug_str\":\"hello world\"}";

		Reply reply = this.api.post(
				VECTOR_APP + "?signature=899cf89e464efb63f54ddac96b0a0a235f53aa78&timestamp=1714037059&nonce=486452656",
				body);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).isEqualTo("success");
	}

	@Test
	void receiveWhenOfficialSecureVectorThenDecryptedAndSuccess() {
		String body = "{\"ToUserName\":\"gh_97417a04a28d\",\"Encrypt\":\"+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=\"}";
		String query = "?signature=6c5c811b55cc85e0e1b54100749188c20beb3f5d&timestamp=1714112445&nonce=415670741"
				+ "&openid=o9AgO5Kd5ggOC-bXrbNODIiE3bGY&encrypt_type=aes";

		Reply signed = this.api.post(VECTOR_APP + query + "&msg_signature=046e02f8204d34f8ba5fa3b1db94908f3df2e9b3",
				body);
		Reply forged = this.api.post(VECTOR_APP + query + "&msg_signature=146e02f8204d34f8ba5fa3b1db94908f3df2e9b3",
				body);

		assertThat(signed.status()).isEqualTo(200);
		assertThat(signed.body()).isEqualTo("success");
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.code()).isEqualTo("PUSH_SIGNATURE_INVALID");
	}

	@Test
	void receiveWhenMalformedThenBadRequest() {
		String query = "?signature=899cf89e464efb63f54ddac96b0a0a235f53aa78&timestamp=1714037059&nonce=486452656";

		Reply notJson = this.api.send("POST", VECTOR_APP + query, BodyPublishers.ofString("hello"), "Content-Type",
				"text/plain");
		Reply brokenXml = this.api.send("POST", VECTOR_APP + query, BodyPublishers.ofString("<xml><Event>"),
				"Content-Type", "text/xml");

		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.code()).isEqualTo("PUSH_MALFORMED");
		assertThat(brokenXml.code()).isEqualTo("PUSH_MALFORMED");
	}

	@ParameterizedTest
	@CsvSource({ "plain, json", "plain, xml", "secure, json", "secure, xml" })
	void pushWhenUserInfoModifiedThenNicknameAndAvatarCleared(String mode, String format) {
		String user = "modified-" + mode + "-" + format;
		String token = profiled(user);

		JsonNode report = push("user_info_modified", user, null, mode, format, 1);

		assertThat(report.get("acknowledged").asBoolean()).isTrue();
		JsonNode me = me(token);
		assertThat(me.get("nickName").isNull()).isTrue();
		assertThat(me.get("avatarUrl").isNull()).isTrue();
		assertThat(me.get("signature").asString()).isEqualTo("kept");
	}

	@ParameterizedTest
	@CsvSource({ "plain, json", "plain, xml", "secure, json", "secure, xml" })
	void pushWhenAuthorizationRevokedThenRevokedFieldsErased(String mode, String format) {
		String user = "revoked-" + mode + "-" + format;
		String token = profiled(user);
		String id = me(token).get("id").asString();
		this.jdbc.sql("UPDATE users SET phone_number = '13900000000' WHERE id = ?").param(id).update();

		push("user_authorization_revoke", user, "8", mode, format, 1);

		assertThat(me(token).get("phoneNumber").isNull()).isTrue();
		assertThat(me(token).get("nickName").asString()).isEqualTo("Pushed");
		push("user_authorization_revoke", user, "6", mode, format, 1);
		assertThat(me(token).get("nickName").isNull()).isTrue();
		assertThat(me(token).get("avatarUrl").isNull()).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "plain, json", "plain, xml", "secure, json", "secure, xml" })
	void pushWhenAuthorizationCancelledThenAccountDeleted(String mode, String format) {
		String user = "cancelled-" + mode + "-" + format;
		String token = profiled(user);
		String id = me(token).get("id").asString();

		push("user_authorization_cancellation", user, null, mode, format, 1);

		Reply old = this.api.get("/user/me", "Authorization", "Bearer " + token);
		assertThat(old.code()).isEqualTo("TOKEN_REVOKED");
		assertThat(old.json().get("reason").asString()).isEqualTo("deleted");
		assertThat(this.jdbc.sql("SELECT outcome FROM auth_events WHERE user_id = ? AND event = 'DELETED'")
			.param(id)
			.query(String.class)
			.list()).containsExactly("wechat");
		assertThat(this.api.login(user).json().get("isNewUser").asBoolean()).isTrue();
	}

	@Test
	void pushWhenDeliveredTwiceThenActedOnOnce() {
		String token = profiled("twice-pushed");
		String id = me(token).get("id").asString();

		JsonNode report = push("user_info_modified", "twice-pushed", null, "secure", "json", 2);

		assertThat(report.get("acknowledged").asBoolean()).isTrue();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM auth_events WHERE user_id = ? AND event = 'WECHAT_PUSH'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void pushWhenOpenidUnknownThenAcknowledgedAndIgnored() {
		JsonNode report = push("user_authorization_cancellation", "never-logged-in", null, "plain", "json", 1);

		assertThat(report.get("acknowledged").asBoolean()).isTrue();
		assertThat(report.get("status").asInt()).isEqualTo(200);
	}

	@Test
	void pushWhenTokenWrongThenRefusedAndNothingChanges() {
		String token = profiled("forged-push");
		Map<String, Object> body = new HashMap<>(Map.of("event", "user_info_modified", "user", "forged-push", "token",
				"not-the-token", "mode", "plain"));

		JsonNode report = this.api.post("/emulator/wx/push", Api.json(body)).json();

		assertThat(report.get("acknowledged").asBoolean()).isFalse();
		assertThat(report.get("status").asInt()).isEqualTo(401);
		assertThat(me(token).get("nickName").asString()).isEqualTo("Pushed");
	}

	private String profiled(String user) {
		String token = this.api.token(user);
		Reply patched = this.api.patch("/user/me",
				"{\"nickName\":\"Pushed\",\"avatarUrl\":\"https://example.com/a.png\",\"signature\":\"kept\"}",
				"Authorization", "Bearer " + token);
		assertThat(patched.status()).isEqualTo(200);
		return token;
	}

	private JsonNode push(String event, String user, String revokeInfo, String mode, String format, int deliveries) {
		Map<String, Object> body = new HashMap<>(
				Map.of("event", event, "user", user, "mode", mode, "format", format, "deliveries", deliveries));
		if (revokeInfo != null) {
			body.put("revokeInfo", revokeInfo);
		}
		Reply reply = this.api.post("/emulator/wx/push", Api.json(body));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.json().get("acknowledged").asBoolean()).as(reply.body()).isTrue();
		return reply.json();
	}

	private JsonNode me(String token) {
		Reply reply = this.api.get("/user/me", "Authorization", "Bearer " + token);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

}
