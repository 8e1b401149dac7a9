package io.miniauth.server.userdata;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.miniauth.server.app.DemoApp;
import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.AtOnce;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WeChat access token as the emulator sees it: one fetch for a burst of calls with a
 * cold cache, renewal when WeChat refuses it, and never a fetch for a login.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
@ExtendWith(OutputCaptureExtension.class)
class AccessTokenIntegrationTests extends ServerHttpTests {

	@BeforeEach
	void setUp() {
		this.api.send("DELETE", "/emulator/calls", BodyPublishers.noBody());
	}

	@Test
	void phoneWhenHundredConcurrentRequestsWithColdCacheThenOneTokenFetch() throws Exception {
		String token = this.api.token("burst");
		List<Callable<Reply>> calls = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			String code = phoneCode("burst");
			calls.add(() -> this.api.post("/user/phone", Api.json(Map.of("code", code)), "Authorization",
					"Bearer " + token));
		}

		assertThat(AtOnce.run(calls)).extracting(Reply::status).containsOnly(200);

		JsonNode counts = calls();
		assertThat(counts.at("/stable_token/total").asInt()).isEqualTo(1);
		assertThat(counts.at("/token/total").asInt()).isZero();
		assertThat(counts.at("/getuserphonenumber/ok").asInt()).isEqualTo(100);
	}

	@Test
	void phoneWhenWeChatRefusesTheCachedTokenThenRenewedOnceAndCallRetried() {
		String token = this.api.token("renewal");
		assertThat(bindPhone(token, phoneCode("renewal")).status()).isEqualTo(200);
		forceRefreshStableToken();

		Reply reply = bindPhone(token, phoneCode("renewal"));

		assertThat(reply.status()).isEqualTo(200);
		JsonNode counts = calls();
		assertThat(counts.at("/getuserphonenumber/40001").asInt()).isEqualTo(1);
		assertThat(counts.at("/getuserphonenumber/ok").asInt()).isEqualTo(2);
		assertThat(counts.at("/stable_token/total").asInt()).isEqualTo(3);
	}

	@Test
	void loginWhenUserLogsInThenNoAccessTokenIsFetched(CapturedOutput output) {
		String token = this.api.token("plain-login");
		this.api.get("/user/me", "Authorization", "Bearer " + token);

		JsonNode counts = calls();
		assertThat(counts.at("/jscode2session/ok").asInt()).isEqualTo(1);
		assertThat(counts.at("/stable_token/total").asInt()).isZero();
		assertThat(counts.at("/token/total").asInt()).isZero();
	}

	@Test
	void accessTokenWhenUsedThenNeverInAnswersOrLogs(CapturedOutput output) {
		String token = this.api.token("quiet");
		Reply bound = bindPhone(token, phoneCode("quiet"));
		String accessToken = stableToken(false);

		assertThat(bound.body()).doesNotContain(accessToken);
		assertThat(output.getAll()).doesNotContain(accessToken);
	}

	private void forceRefreshStableToken() {
		stableToken(true);
	}

	private String stableToken(boolean force) {
		Reply reply = this.api.post("/emulator/cgi-bin/stable_token", Api.json(Map.of("grant_type", "client_credential",
				"appid", DemoApp.APP.appid(), "secret", DemoApp.APP.secret(), "force_refresh", force)));
		return reply.json().get("access_token").asString();
	}

	private String phoneCode(String user) {
		return this.api.post("/emulator/wx/phone-code", Api.json(Map.of("user", user))).json().get("code").asString();
	}

	private Reply bindPhone(String token, String code) {
		return this.api.post("/user/phone", Api.json(Map.of("code", code)), "Authorization", "Bearer " + token);
	}

	private JsonNode calls() {
		return this.api.get("/emulator/calls").json();
	}

}
