package io.miniauth.emulator.phone;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.miniauth.emulator.EmulatorHttpTests;
import io.miniauth.emulator.EmulatorTestApplication;
import io.miniauth.emulator.app.EmulatedApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumberControllerTests extends EmulatorHttpTests {

	private static final EmulatedApp APP = EmulatorTestApplication.BOUND;

	@Test
	void phoneCodeWhenUserGivenThenCodeIsSixtyFourHex() {
		assertThat(phoneCode(Map.of("user", newUser()))).matches("[0-9a-f]{64}");
	}

	@Test
	void phoneCodeWhenNumberMalformedThenProblem() {
		HttpResponse<String> response = postJson("/emulator/wx/phone-code", Map.of("user", "u", "phoneNumber", "12ab"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).path("code").asString()).isEqualTo("INVALID_REQUEST");
	}

	@Test
	void getUserPhoneNumberWhenCodeFreshThenPhoneInfoWithDerivedNumber() {
		String user = newUser();
		String code = phoneCode(Map.of("user", user, "appid", APP.appid()));
		JsonNode body = json(exchange(accessToken(APP), Map.of("code", code)));
		assertThat(body.path("errcode").asInt()).isZero();
		assertThat(body.path("errmsg").asString()).isEqualTo("ok");
		JsonNode info = body.path("phone_info");
		assertThat(info.path("purePhoneNumber").asString()).matches("138[0-9]{8}")
			.isEqualTo(PhoneNumber.derivedFrom(user).purePhoneNumber());
		assertThat(info.path("phoneNumber").asString()).isEqualTo(info.path("purePhoneNumber").asString());
		assertThat(info.path("countryCode").isString()).isTrue();
		assertThat(info.path("countryCode").asString()).isEqualTo("86");
		assertThat(info.path("watermark").path("timestamp").isNumber()).isTrue();
		assertThat(info.path("watermark").path("timestamp").asLong()).isEqualTo(this.clock.instant().getEpochSecond());
		assertThat(info.path("watermark").path("appid").asString()).isEqualTo(APP.appid());
	}

	@Test
	void getUserPhoneNumberWhenNumberGivenThenThatNumberWithCountryPrefix() {
		String code = phoneCode(Map.of("user", newUser(), "phoneNumber", "91234567", "countryCode", "852"));
		JsonNode info = json(exchange(accessToken(APP), Map.of("code", code))).path("phone_info");
		assertThat(info.path("purePhoneNumber").asString()).isEqualTo("91234567");
		assertThat(info.path("phoneNumber").asString()).isEqualTo("+85291234567");
		assertThat(info.path("countryCode").asString()).isEqualTo("852");
	}

	@Test
	void getUserPhoneNumberWhenCodeUsedTwiceThen40029() {
		String code = phoneCode(Map.of("user", newUser()));
		String token = accessToken(APP);
		exchange(token, Map.of("code", code));
		assertThat(errcode(exchange(token, Map.of("code", code)))).isEqualTo(40029);
	}

	@Test
	void getUserPhoneNumberWhenCodeIsJustUnderFiveMinutesOldThenPhoneInfo() {
		String code = phoneCode(Map.of("user", newUser()));
		String token = accessToken(APP);
		this.clock.advance(Duration.ofMinutes(5).minusMillis(1));
		assertThat(errcode(exchange(token, Map.of("code", code)))).isZero();
	}

	@Test
	void getUserPhoneNumberWhenCodeFiveMinutesOldOrUnknownThen40029() {
		String code = phoneCode(Map.of("user", newUser()));
		String token = accessToken(APP);
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(errcode(exchange(token, Map.of("code", code)))).isEqualTo(40029);
		assertThat(errcode(exchange(token, Map.of("code", "ab")))).isEqualTo(40029);
		assertThat(errcode(exchange(token, Map.of()))).isEqualTo(40029);
	}

	@Test
	void getUserPhoneNumberWhenTokenOfAnotherAppThen40013AndCodeKept() {
		String code = phoneCode(Map.of("user", newUser()));
		assertThat(errcode(exchange(accessToken(EmulatorTestApplication.BOUND_TOO), Map.of("code", code))))
			.isEqualTo(40013);
		assertThat(errcode(exchange(accessToken(APP), Map.of("code", code)))).isZero();
	}

	@Test
	void getUserPhoneNumberWhenOpenidOfAnotherUserThen40003AndCodeKept() {
		String user = newUser();
		String code = phoneCode(Map.of("user", user));
		String token = accessToken(APP);
		String otherOpenid = wxLogin(newUser(), APP).path("openid").asString();
		assertThat(errcode(exchange(token, Map.of("code", code, "openid", otherOpenid)))).isEqualTo(40003);
		String openid = wxLogin(user, APP).path("openid").asString();
		assertThat(errcode(exchange(token, Map.of("code", code, "openid", openid)))).isZero();
	}

	@Test
	void getUserPhoneNumberWhenBodyNotJsonThen47001() {
		String code = phoneCode(Map.of("user", newUser()));
		HttpResponse<String> response = post(
				"/emulator/wxa/business/getuserphonenumber?access_token=" + accessToken(APP),
				"application/x-www-form-urlencoded", "code=" + code);
		assertThat(errcode(response)).isEqualTo(47001);
	}

	@Test
	void getUserPhoneNumberWhenTokenMissingOrUnknownThenTokenErrors() {
		assertThat(errcode(postJson("/emulator/wxa/business/getuserphonenumber", Map.of("code", "c"))))
			.isEqualTo(41001);
		assertThat(errcode(exchange("1_nope", Map.of("code", "c")))).isEqualTo(40001);
	}

	private String phoneCode(Map<String, String> request) {
		HttpResponse<String> response = postJson("/emulator/wx/phone-code", request);
		assertThat(response.statusCode()).isEqualTo(200);
		return json(response).path("code").asString();
	}

	private HttpResponse<String> exchange(String token, Map<String, String> body) {
		return postJson("/emulator/wxa/business/getuserphonenumber?access_token=" + token, body);
	}

	private static int errcode(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return json(response).path("errcode").asInt();
	}

}
