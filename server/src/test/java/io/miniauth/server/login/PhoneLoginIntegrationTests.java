package io.miniauth.server.login;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.miniauth.server.app.DemoApp;
import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /user/login} with a {@code phoneCode}: one call logs in and binds the
 * phone, exchanging the phone code (a paid call) once, even when the login is repeated.
 */
class PhoneLoginIntegrationTests extends ServerHttpTests {

	@Autowired
	MeterRegistry meters;

	@Test
	void loginWhenPhoneCodeThenPhoneBoundAndExchangedOnce() {
		double paidBefore = paidCalls();
		this.api.send("DELETE", "/emulator/calls", BodyPublishers.noBody());

		Reply reply = this.api.post("/user/login", Api.json(
				Map.of("code", this.api.wxLogin("phone-login"), "phoneCode", phoneCode("phone-login", "13912340001"))));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().at("/user/phoneNumber").asString()).isEqualTo("13912340001");
		String token = reply.json().get("token").asString();
		assertThat(this.api.get("/user/me", "Authorization", "Bearer " + token).json().get("phoneNumber").asString())
			.isEqualTo("13912340001");
		assertThat(calls().at("/getuserphonenumber/ok").asInt()).isEqualTo(1);
		assertThat(paidCalls()).isEqualTo(paidBefore + 1);
	}

	@Test
	void loginWhenRepeatedWithTheSameCodesThenSameSessionAndPhoneExchangedOnce() {
		String body = Api.json(Map.of("code", this.api.wxLogin("phone-repeat"), "phoneCode",
				phoneCode("phone-repeat", "13912340002")));
		this.api.send("DELETE", "/emulator/calls", BodyPublishers.noBody());

		Reply first = this.api.post("/user/login", body);
		Reply repeat = this.api.post("/user/login", body);

		assertThat(first.status()).isEqualTo(200);
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.json().get("refreshToken").asString()).isEqualTo(first.json().get("refreshToken").asString());
		assertThat(repeat.json().at("/user/phoneNumber").asString()).isEqualTo("13912340002");
		JsonNode calls = calls();
		assertThat(calls.at("/getuserphonenumber/total").asInt()).isEqualTo(1);
		assertThat(calls.at("/jscode2session/total").asInt()).isEqualTo(1);
	}

	@Test
	void loginWhenPhoneBoundToAnotherUserOfTheAppThen409PhoneInUseAndNothingWritten() {
		this.api.post("/user/login", Api.json(
				Map.of("code", this.api.wxLogin("phone-owner"), "phoneCode", phoneCode("phone-owner", "13912340003"))));

		Reply reply = this.api.post("/user/login", Api.json(
				Map.of("code", this.api.wxLogin("phone-taker"), "phoneCode", phoneCode("phone-taker", "13912340003"))));

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.code()).isEqualTo("PHONE_IN_USE");
		JsonNode taker = this.api.login("phone-taker").json();
		assertThat(taker.get("isNewUser").asBoolean()).isTrue();
		assertThat(taker.at("/user/phoneNumber").isNull()).isTrue();
	}

	@Test
	void bindPhoneWhenNumberOfAnotherUserOfTheAppThen409PhoneInUse() {
		this.api.post("/user/login", Api
			.json(Map.of("code", this.api.wxLogin("bind-owner"), "phoneCode", phoneCode("bind-owner", "13912340004"))));
		String token = this.api.token("bind-taker");

		Reply reply = this.api.post("/user/phone", Api.json(Map.of("code", phoneCode("bind-taker", "13912340004"))),
				"Authorization", "Bearer " + token);

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.code()).isEqualTo("PHONE_IN_USE");
	}

	@Test
	void loginWhenPhoneCodeInvalidThen400InvalidPhoneCode() {
		Reply reply = this.api.post("/user/login",
				Api.json(Map.of("code", this.api.wxLogin("bad-phone-code"), "phoneCode", "0".repeat(64))));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("INVALID_PHONE_CODE");
	}

	private String phoneCode(String user, String phoneNumber) {
		Map<String, String> request = new LinkedHashMap<>();
		request.put("user", user);
		request.put("phoneNumber", phoneNumber);
		return this.api.post("/emulator/wx/phone-code", Api.json(request)).json().get("code").asString();
	}

	private JsonNode calls() {
		return this.api.get("/emulator/calls").json();
	}

	private double paidCalls() {
		return this.meters
			.counter("miniauth.wechat.paid.calls", "app", DemoApp.APP.appid(), "api", "getuserphonenumber")
			.count();
	}

}
