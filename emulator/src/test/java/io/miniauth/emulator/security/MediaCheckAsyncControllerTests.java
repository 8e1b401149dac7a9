package io.miniauth.emulator.security;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import io.miniauth.emulator.EmulatorHttpTests;
import io.miniauth.emulator.EmulatorTestApplication;
import io.miniauth.emulator.app.EmulatedApp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "emulator.content-security.media-result-poll-interval=0")
class MediaCheckAsyncControllerTests extends EmulatorHttpTests {

	private static final EmulatedApp APP = EmulatorTestApplication.BOUND;

	@Autowired
	MediaChecks mediaChecks;

	@Test
	void mediaCheckAsyncWhenImageOfActiveUserThenTraceIdAndResultPending() {
		int before = this.mediaChecks.waiting();

		HttpResponse<String> response = check(accessToken(APP), body("https://cdn.example.com/a.png", activeOpenid()));

		assertThat(json(response).path("errcode").asInt()).isZero();
		assertThat(json(response).path("trace_id").asString()).matches("[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}");
		assertThat(this.mediaChecks.waiting()).isEqualTo(before + 1);
	}

	@Test
	void mediaCheckAsyncWhenRiskyUrlThenPendingResultIsRisky() {
		String traceId = json(check(accessToken(APP), body("https://cdn.example.com/risky-cat.png", activeOpenid())))
			.path("trace_id")
			.asString();

		this.clock.advance(java.time.Duration.ofSeconds(5));

		assertThat(this.mediaChecks.takeDue()).filteredOn((result) -> result.traceId().equals(traceId))
			.singleElement()
			.satisfies((result) -> assertThat(result.verdict().suggest()).isEqualTo("risky"));
	}

	@Test
	void mediaCheckAsyncWhenMediaTypeOrOpenidWrongThenErrorsAndNothingPending() {
		String token = accessToken(APP);
		Map<String, Object> badType = body("https://cdn.example.com/a.png", activeOpenid());
		badType.put("media_type", 3);
		int before = this.mediaChecks.waiting();

		assertThat(json(check(token, badType)).path("errcode").asInt()).isEqualTo(47001);
		assertThat(json(check(token, body("https://cdn.example.com/a.png", "o-unknown"))).path("errcode").asInt())
			.isEqualTo(40003);
		assertThat(this.mediaChecks.waiting()).isEqualTo(before);
	}

	private String activeOpenid() {
		return wxLogin(newUser(), APP).path("openid").asString();
	}

	private static Map<String, Object> body(String url, String openid) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("media_url", url);
		body.put("media_type", 2);
		body.put("version", 2);
		body.put("scene", 1);
		body.put("openid", openid);
		return body;
	}

	private HttpResponse<String> check(String token, Map<String, Object> body) {
		return postJson("/emulator/wxa/media_check_async?access_token=" + token, body);
	}

}
