package io.miniauth.emulator.session;

import java.net.http.HttpResponse;

import io.miniauth.emulator.EmulatorHttpTests;
import io.miniauth.emulator.EmulatorTestApplication;
import io.miniauth.emulator.app.EmulatedApp;
import io.miniauth.emulator.crypto.SessionKeySignature;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SessionKeyControllerTests extends EmulatorHttpTests {

	private static final EmulatedApp APP = EmulatorTestApplication.UNBOUND;

	@Test
	void checkSessionWhenSignedWithCurrentKeyThenOk() {
		Session session = session();
		JsonNode body = json(call("checksession", accessToken(APP), session.openid(),
				SessionKeySignature.sign(session.key(), ""), "hmac_sha256"));
		assertThat(body.path("errcode").asInt()).isZero();
		assertThat(body.path("errmsg").asString()).isEqualTo("ok");
	}

	@Test
	void checkSessionWhenKeyRotatedByNewLoginThen87009() {
		Session session = session();
		wxLogin(session.user(), APP);
		assertThat(errcode(call("checksession", accessToken(APP), session.openid(),
				SessionKeySignature.sign(session.key(), ""), "hmac_sha256")))
			.isEqualTo(87009);
	}

	@Test
	void checkSessionWhenSignatureWrongOrOpenidUnknownThen87009() {
		Session session = session();
		String token = accessToken(APP);
		assertThat(errcode(call("checksession", token, session.openid(), "00", "hmac_sha256"))).isEqualTo(87009);
		assertThat(errcode(
				call("checksession", token, "ounknown", SessionKeySignature.sign(session.key(), ""), "hmac_sha256")))
			.isEqualTo(87009);
	}

	@Test
	void checkSessionWhenSigMethodWrongThen87008() {
		Session session = session();
		assertThat(errcode(call("checksession", accessToken(APP), session.openid(),
				SessionKeySignature.sign(session.key(), ""), "md5")))
			.isEqualTo(87008);
	}

	@Test
	void checkSessionWhenTokenBadThenTokenErrors() {
		assertThat(errcode(get("/emulator/wxa/checksession?openid=o&signature=s&sig_method=hmac_sha256")))
			.isEqualTo(41001);
		assertThat(errcode(call("checksession", "3_unknown", "o", "s", "hmac_sha256"))).isEqualTo(40001);
	}

	@Test
	void resetUserSessionKeyWhenSignedThenNewKeyAndOldKeyInvalid() {
		Session session = session();
		String token = accessToken(APP);
		JsonNode reset = json(call("resetusersessionkey", token, session.openid(),
				SessionKeySignature.sign(session.key(), ""), "hmac_sha256"));
		assertThat(reset.path("errcode").asInt()).isZero();
		assertThat(reset.path("errmsg").asString()).isEqualTo("ok");
		assertThat(reset.path("openid").asString()).isEqualTo(session.openid());
		String newKey = reset.path("session_key").asString();
		assertThat(newKey).hasSize(24).isNotEqualTo(session.key());
		assertThat(errcode(call("checksession", token, session.openid(), SessionKeySignature.sign(session.key(), ""),
				"hmac_sha256")))
			.isEqualTo(87009);
		assertThat(errcode(
				call("checksession", token, session.openid(), SessionKeySignature.sign(newKey, ""), "hmac_sha256")))
			.isZero();
	}

	@Test
	void resetUserSessionKeyWhenSignatureOrMethodWrongThen87009Or87008() {
		Session session = session();
		String token = accessToken(APP);
		assertThat(errcode(call("resetusersessionkey", token, session.openid(), "00", "hmac_sha256"))).isEqualTo(87009);
		assertThat(errcode(call("resetusersessionkey", token, session.openid(),
				SessionKeySignature.sign(session.key(), ""), "sha1")))
			.isEqualTo(87008);
		assertThat(errcode(call("resetusersessionkey", "", session.openid(), "00", "hmac_sha256"))).isEqualTo(41001);
	}

	private Session session() {
		String user = newUser();
		JsonNode session = json(code2Session(APP, wxLogin(user, APP).path("code").asString()));
		return new Session(user, session.path("openid").asString(), session.path("session_key").asString());
	}

	private HttpResponse<String> call(String endpoint, String token, String openid, String signature,
			String sigMethod) {
		return get("/emulator/wxa/" + endpoint + "?" + query(
				params("access_token", token, "openid", openid, "signature", signature, "sig_method", sigMethod)));
	}

	private static int errcode(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return json(response).path("errcode").asInt();
	}

	private record Session(String user, String openid, String key) {
	}

}
