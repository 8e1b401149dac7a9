package io.miniauth.emulator.token;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.miniauth.emulator.EmulatorHttpTests;
import io.miniauth.emulator.EmulatorTestApplication;
import io.miniauth.emulator.app.EmulatedApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenControllerTests extends EmulatorHttpTests {

	private static final EmulatedApp APP = EmulatorTestApplication.UNBOUND;

	@Test
	void tokenWhenCredentialsGoodThenNewTokenOfWeChatShapeEachCall() {
		JsonNode first = json(tokenCall(APP.appid(), APP.secret(), "client_credential"));
		JsonNode second = json(tokenCall(APP.appid(), APP.secret(), "client_credential"));
		assertThat(first.path("expires_in").asLong()).isEqualTo(7200);
		assertThat(first.has("errcode")).isFalse();
		assertThat(first.path("access_token").asString()).matches("[0-9]+_[A-Za-z0-9_-]{100,}")
			.hasSizeBetween(130, 160);
		assertThat(second.path("access_token").asString()).isNotEqualTo(first.path("access_token").asString());
	}

	@Test
	void tokenWhenReplacedThenOldWorksFiveMinutesMoreThen40001() {
		String old = accessToken(APP);
		String current = accessToken(APP);
		this.clock.advance(Duration.ofSeconds(299));
		assertThat(checkToken(old)).isEqualTo(87009);
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(checkToken(old)).isEqualTo(40001);
		assertThat(checkToken(current)).isEqualTo(87009);
	}

	@Test
	void tokenWhenOlderThan7200SecondsThen42001() {
		String token = accessToken(APP);
		this.clock.advance(Duration.ofSeconds(7200));
		assertThat(checkToken(token)).isEqualTo(42001);
	}

	@Test
	void checkWhenTokenMissingOrUnknownThen41001Or40001() {
		assertThat(json(get("/emulator/wxa/checksession?sig_method=hmac_sha256")).path("errcode").asInt())
			.isEqualTo(41001);
		assertThat(checkToken("12_unknown")).isEqualTo(40001);
	}

	@Test
	void tokenWhenParametersWrongThenWeChatErrors() {
		assertThat(errcode(tokenCall(null, APP.secret(), "client_credential"))).isEqualTo(41002);
		assertThat(errcode(tokenCall(APP.appid(), null, "client_credential"))).isEqualTo(41004);
		assertThat(errcode(tokenCall(APP.appid(), APP.secret(), "authorization_code"))).isEqualTo(40002);
		assertThat(errcode(tokenCall("wxnosuchapp", APP.secret(), "client_credential"))).isEqualTo(40013);
		assertThat(errcode(tokenCall(APP.appid(), "wrong", "client_credential"))).isEqualTo(40125);
	}

	@Test
	void stableTokenWhenCalledAgainThenSameTokenWithRemainingLife() {
		EmulatedApp app = EmulatorTestApplication.BOUND_TOO;
		this.clock.advance(Duration.ofHours(3));
		JsonNode first = json(stable(app, false));
		this.clock.advance(Duration.ofSeconds(100));
		JsonNode second = json(stable(app, false));
		assertThat(second.path("access_token").asString()).isEqualTo(first.path("access_token").asString());
		assertThat(second.path("expires_in").asLong()).isEqualTo(first.path("expires_in").asLong() - 100);
	}

	@Test
	void stableTokenWhenFiveMinutesLeftThenNewTokenAndOldStillWorks() {
		EmulatedApp app = EmulatorTestApplication.BOUND_TOO;
		this.clock.advance(Duration.ofHours(3));
		String first = json(stable(app, false)).path("access_token").asString();
		this.clock.advance(Duration.ofSeconds(7200 - 300));
		JsonNode renewed = json(stable(app, false));
		assertThat(renewed.path("access_token").asString()).isNotEqualTo(first);
		assertThat(renewed.path("expires_in").asLong()).isEqualTo(7200);
		assertThat(checkToken(first)).isEqualTo(87009);
	}

	@Test
	void stableTokenWhenForcedThenOldInvalidAndQuotaEnforced() {
		EmulatedApp app = EmulatorTestApplication.BOUND;
		startOfNextDay();
		String old = json(stable(app, false)).path("access_token").asString();
		String forced = json(stable(app, true)).path("access_token").asString();
		assertThat(forced).isNotEqualTo(old);
		assertThat(checkToken(old)).isEqualTo(40001);
		assertThat(checkToken(forced)).isEqualTo(87009);
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(errcode(stable(app, true))).isEqualTo(45009);
		for (int i = 1; i < 20; i++) {
			this.clock.advance(Duration.ofSeconds(31));
			assertThat(json(stable(app, true)).has("access_token")).isTrue();
		}
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(errcode(stable(app, true))).isEqualTo(45009);
		assertThat(json(stable(app, false)).has("access_token")).isTrue();
	}

	@Test
	void stableTokenWhenOrdinaryTokenIssuedThenPoolsStayIsolated() {
		EmulatedApp app = EmulatorTestApplication.BOUND_TOO;
		this.clock.advance(Duration.ofHours(3));
		String stableToken = json(stable(app, false)).path("access_token").asString();
		String ordinary = accessToken(app);
		accessToken(app);
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(checkToken(stableToken)).isEqualTo(87009);
		assertThat(checkToken(ordinary)).isEqualTo(40001);
		assertThat(json(stable(app, false)).path("access_token").asString()).isEqualTo(stableToken);
	}

	@Test
	void stableTokenWhenNotPostOrNotJsonThenWeChatErrors() {
		assertThat(errcode(get("/emulator/cgi-bin/stable_token"))).isEqualTo(43002);
		assertThat(errcode(post("/emulator/cgi-bin/stable_token", "application/x-www-form-urlencoded",
				"grant_type=client_credential&appid=" + APP.appid())))
			.isEqualTo(47001);
		assertThat(errcode(postJson("/emulator/cgi-bin/stable_token", "{\"appid\":"))).isEqualTo(47001);
		assertThat(errcode(send(HttpRequest.newBuilder(uri("/emulator/cgi-bin/stable_token"))
			.POST(HttpRequest.BodyPublishers.noBody())))).isEqualTo(44002);
	}

	@Test
	void stableTokenWhenCredentialsWrongThenWeChatErrors() {
		assertThat(errcode(
				postJson("/emulator/cgi-bin/stable_token", Map.of("grant_type", "client_credential", "secret", "s"))))
			.isEqualTo(41002);
		assertThat(errcode(postJson("/emulator/cgi-bin/stable_token",
				Map.of("grant_type", "client_credential", "appid", APP.appid()))))
			.isEqualTo(41004);
		assertThat(errcode(postJson("/emulator/cgi-bin/stable_token",
				Map.of("grant_type", "password", "appid", APP.appid(), "secret", APP.secret()))))
			.isEqualTo(40002);
		assertThat(errcode(postJson("/emulator/cgi-bin/stable_token",
				Map.of("grant_type", "client_credential", "appid", "wxnosuchapp", "secret", "s"))))
			.isEqualTo(40013);
		assertThat(errcode(postJson("/emulator/cgi-bin/stable_token",
				Map.of("grant_type", "client_credential", "appid", APP.appid(), "secret", "wrong"))))
			.isEqualTo(40125);
	}

	/** Moves to 01:00 UTC of the next day, so that the daily force quota is fresh. */
	private void startOfNextDay() {
		Instant now = this.clock.instant();
		Instant nextDay = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)).plus(Duration.ofHours(1));
		this.clock.advance(Duration.between(now, nextDay));
	}

	private HttpResponse<String> tokenCall(String appid, String secret, String grantType) {
		Map<String, String> params = params("grant_type", grantType);
		if (appid != null) {
			params.put("appid", appid);
		}
		if (secret != null) {
			params.put("secret", secret);
		}
		return get("/emulator/cgi-bin/token?" + query(params));
	}

	private HttpResponse<String> stable(EmulatedApp app, boolean force) {
		return postJson("/emulator/cgi-bin/stable_token", Map.of("grant_type", "client_credential", "appid",
				app.appid(), "secret", app.secret(), "force_refresh", force));
	}

	/**
	 * Calls checksession with a wrong signature: 87009 means the token itself was
	 * accepted.
	 */
	private int checkToken(String token) {
		return errcode(get("/emulator/wxa/checksession?"
				+ query(params("access_token", token, "openid", "o", "signature", "0", "sig_method", "hmac_sha256"))));
	}

	private static int errcode(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return json(response).path("errcode").asInt();
	}

}
