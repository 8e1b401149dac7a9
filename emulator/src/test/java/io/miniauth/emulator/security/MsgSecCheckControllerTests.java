package io.miniauth.emulator.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.miniauth.emulator.EmulatorHttpTests;
import io.miniauth.emulator.EmulatorTestApplication;
import io.miniauth.emulator.app.EmulatedApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = { "emulator.content-security.risky-words=[risky],赌博:20006",
		"emulator.content-security.review-words=[review]" })
class MsgSecCheckControllerTests extends EmulatorHttpTests {

	private static final EmulatedApp APP = EmulatorTestApplication.BOUND;

	@Test
	void msgSecCheckWhenPlainTextThenPassWithNormalLabel() {
		JsonNode body = json(check(accessToken(APP), v2("今天天气不错", activeOpenid())));

		assertThat(body.path("errcode").asInt()).isZero();
		assertThat(body.at("/result/suggest").asString()).isEqualTo("pass");
		assertThat(body.at("/result/label").asInt()).isEqualTo(100);
		assertThat(body.at("/detail/0/strategy").asString()).isEqualTo("content_model");
		assertThat(body.path("trace_id").asString()).matches("[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}");
	}

	@Test
	void msgSecCheckWhenRiskyMarkerThenRiskyWithErrcodeZero() {
		JsonNode body = json(check(accessToken(APP), v2("hello [RISKY] world", activeOpenid())));

		assertThat(body.path("errcode").asInt()).isZero();
		assertThat(body.at("/result/suggest").asString()).isEqualTo("risky");
		assertThat(body.at("/result/label").asInt()).isEqualTo(21000);
		assertThat(body.at("/detail/1/strategy").asString()).isEqualTo("keyword");
		assertThat(body.at("/detail/1/keyword").asString()).isEqualTo("[risky]");
	}

	@Test
	void msgSecCheckWhenConfiguredWordWithLabelThenThatLabel() {
		JsonNode body = json(check(accessToken(APP), v2("一起去赌博吧", activeOpenid())));

		assertThat(body.at("/result/suggest").asString()).isEqualTo("risky");
		assertThat(body.at("/result/label").asInt()).isEqualTo(20006);
	}

	@Test
	void msgSecCheckWhenReviewMarkerThenReview() {
		JsonNode body = json(check(accessToken(APP), v2("maybe [review]", activeOpenid())));

		assertThat(body.at("/result/suggest").asString()).isEqualTo("review");
	}

	@Test
	void msgSecCheckWhenUserLastOpenedTheAppTwoHoursAgoThen61010() {
		String openid = activeOpenid();
		String token = accessToken(APP);
		this.clock.advance(Duration.ofHours(2).minusSeconds(1));
		assertThat(errcode(check(token, v2("hi", openid)))).isZero();

		this.clock.advance(Duration.ofSeconds(1));

		assertThat(errcode(check(accessToken(APP), v2("hi", openid)))).isEqualTo(61010);
	}

	@Test
	void msgSecCheckWhenOpenidUnknownOrOfAnotherAppThen40003Or43104() {
		String otherAppOpenid = wxLogin(newUser(), EmulatorTestApplication.BOUND_TOO).path("openid").asString();
		String token = accessToken(APP);

		assertThat(errcode(check(token, v2("hi", "o-never-seen")))).isEqualTo(40003);
		assertThat(errcode(check(token, v2("hi", otherAppOpenid)))).isEqualTo(43104);
	}

	@Test
	void msgSecCheckWhenSceneOrVersionWrongThen40129Or47001() {
		String token = accessToken(APP);
		Map<String, Object> badScene = v2("hi", activeOpenid());
		badScene.put("scene", 5);
		Map<String, Object> badVersion = v2("hi", activeOpenid());
		badVersion.put("version", 3);

		assertThat(errcode(check(token, badScene))).isEqualTo(40129);
		assertThat(errcode(check(token, badVersion))).isEqualTo(47001);
	}

	@Test
	void msgSecCheckWhenVersionAsStringThenAccepted() {
		Map<String, Object> request = v2("hi", activeOpenid());
		request.put("version", "2");

		assertThat(json(check(accessToken(APP), request)).at("/result/suggest").asString()).isEqualTo("pass");
	}

	@Test
	void msgSecCheckWhenVersionOneThen87014ForRiskyTextOnly() {
		String token = accessToken(APP);

		assertThat(errcode(check(token, Map.of("content", "[risky]")))).isEqualTo(87014);
		assertThat(errcode(check(token, Map.of("content", "fine")))).isZero();
	}

	@Test
	void msgSecCheckWhenContentEmptyOrTooLongOrTokenMissingThenErrors() {
		String token = accessToken(APP);

		assertThat(errcode(check(token, v2("", activeOpenid())))).isEqualTo(44002);
		assertThat(errcode(check(token, v2("字".repeat(2501), activeOpenid())))).isEqualTo(47001);
		assertThat(errcode(postJson("/emulator/wxa/msg_sec_check", v2("hi", activeOpenid())))).isEqualTo(41001);
	}

	private String activeOpenid() {
		return wxLogin(newUser(), APP).path("openid").asString();
	}

	private static Map<String, Object> v2(String content, String openid) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("content", content);
		body.put("version", 2);
		body.put("scene", 1);
		body.put("openid", openid);
		return body;
	}

	private HttpResponse<String> check(String token, Map<String, Object> body) {
		return postJson("/emulator/wxa/msg_sec_check?access_token=" + token, body);
	}

	private static int errcode(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return json(response).path("errcode").asInt();
	}

}
