package io.miniauth.emulator.fault;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.miniauth.emulator.EmulatorHttpTests;
import io.miniauth.emulator.EmulatorTestApplication;
import io.miniauth.emulator.app.EmulatedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class FaultInjectionTests extends EmulatorHttpTests {

	private static final EmulatedApp APP = EmulatorTestApplication.UNBOUND;

	@AfterEach
	void clearFaults() {
		delete("/emulator/faults");
	}

	@Test
	void faultsWhenErrorRateSetThenSameSeedGivesSameOutcomes() {
		List<Integer> first = errcodesUnder(
				"{\"seed\":42,\"endpoints\":{\"token\":{\"errcode\":-1,\"errorRate\":0.5}}}");
		List<Integer> second = errcodesUnder(
				"{\"seed\":42,\"endpoints\":{\"token\":{\"errcode\":-1,\"errorRate\":0.5}}}");
		List<Integer> other = errcodesUnder(
				"{\"seed\":7,\"endpoints\":{\"token\":{\"errcode\":-1,\"errorRate\":0.5}}}");
		assertThat(first).isEqualTo(second).isNotEqualTo(other);
		assertThat(first).containsOnly(0, -1);
		assertThat(first.stream().filter((code) -> code == -1).count()).isBetween(20L, 60L);
	}

	@Test
	void faultsWhenErrorRateIsOneThenErrorBodyAndLoginCodeNotSpent() {
		put("/emulator/faults", "{\"seed\":1,\"endpoints\":{\"jscode2session\":{\"errcode\":-1,\"errorRate\":1}}}");
		String code = wxLogin(newUser(), APP).path("code").asString();
		HttpResponse<String> faulted = code2Session(APP, code);
		assertThat(faulted.statusCode()).isEqualTo(200);
		assertThat(faulted.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		assertThat(json(faulted).path("errcode").asInt()).isEqualTo(-1);
		assertThat(json(faulted).path("errmsg").asString()).startsWith("system error, rid: ");
		delete("/emulator/faults");
		assertThat(json(code2Session(APP, code)).has("session_key")).isTrue();
	}

	@Test
	void faultsWhenLatencySetThenCallsAreDelayed() {
		put("/emulator/faults", "{\"endpoints\":{\"token\":{\"latencyMs\":[150,200]}}}");
		long started = System.nanoTime();
		String token = accessToken(APP);
		long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
		assertThat(token).isNotEmpty();
		assertThat(elapsedMs).isGreaterThanOrEqualTo(150);
	}

	@Test
	void faultsWhenHangRateIsOneThenAnswerWaitsHangMs() {
		put("/emulator/faults", "{\"endpoints\":{\"token\":{\"hangRate\":1,\"hangMs\":400}}}");
		HttpRequest.Builder request = HttpRequest
			.newBuilder(uri("/emulator/cgi-bin/token?"
					+ query(params("grant_type", "client_credential", "appid", APP.appid(), "secret", APP.secret()))))
			.timeout(Duration.ofMillis(100));
		assertThatIOException().isThrownBy(() -> this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
		long started = System.nanoTime();
		String token = accessToken(APP);
		assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis()).isGreaterThanOrEqualTo(400);
		assertThat(token).isNotEmpty();
	}

	@Test
	void faultsWhenDropRateIsOneThenClientSeesIoError() {
		put("/emulator/faults", "{\"endpoints\":{\"jscode2session\":{\"dropRate\":1}}}");
		String code = wxLogin(newUser(), APP).path("code").asString();
		HttpRequest request = HttpRequest
			.newBuilder(uri("/emulator/sns/jscode2session?" + query(params("appid", APP.appid(), "secret", APP.secret(),
					"js_code", code, "grant_type", "authorization_code"))))
			.timeout(Duration.ofSeconds(5))
			.build();
		assertThatIOException().isThrownBy(() -> this.http.send(request, HttpResponse.BodyHandlers.ofString()))
			.isNotInstanceOf(java.net.http.HttpTimeoutException.class);
		delete("/emulator/faults");
		assertThat(json(code2Session(APP, code)).has("session_key")).isTrue();
	}

	@Test
	void faultsWhenSetThenShownWithDefaultsAndClearedByDelete() {
		HttpResponse<String> set = put("/emulator/faults",
				"{\"seed\":5,\"endpoints\":{\"stable_token\":{\"latencyMs\":20,\"errorRate\":0.25}}}");
		assertThat(set.statusCode()).isEqualTo(200);
		JsonNode shown = json(get("/emulator/faults"));
		assertThat(shown.path("seed").asLong()).isEqualTo(5);
		JsonNode stable = shown.path("endpoints").path("stable_token");
		assertThat(stable.path("latencyMs").asLong()).isEqualTo(20);
		assertThat(stable.path("errcode").asInt()).isEqualTo(-1);
		assertThat(stable.path("errorRate").asDouble()).isEqualTo(0.25);
		assertThat(stable.path("hangMs").asLong()).isEqualTo(30000);
		assertThat(delete("/emulator/faults").statusCode()).isEqualTo(204);
		assertThat(json(get("/emulator/faults")).path("endpoints").size()).isZero();
	}

	@Test
	void faultsWhenInvalidThenProblem() {
		assertInvalid("{\"endpoints\":{\"nosuch\":{\"errorRate\":0.5}}}");
		assertInvalid("{\"endpoints\":{\"token\":{\"errorRate\":1.5}}}");
		assertInvalid("{\"endpoints\":{\"token\":{\"errorRate\":0.6,\"dropRate\":0.6}}}");
		assertInvalid("{\"endpoints\":{\"token\":{\"errcode\":0,\"errorRate\":0.5}}}");
		assertInvalid("{\"endpoints\":{\"token\":{\"hangMs\":600000}}}");
		assertInvalid("{\"endpoints\":{\"token\":{\"hangMs\":120001}}}");
		assertInvalid("{\"endpoints\":{\"token\":{\"latencyMs\":120001}}}");
		assertInvalid("{\"endpoints\":{\"token\":{\"latencyMs\":[0,120001]}}}");
		assertInvalid("{\"endpoints\":{\"token\":{\"latencyMs\":[80,20]}}}");
		assertInvalid("{\"endpoints\":{\"token\":{\"errorrate\":0.5}}}");
		assertInvalid("not json");
	}

	@Test
	void faultsWhenWaitsAtTheCapThenAccepted() {
		HttpResponse<String> response = put("/emulator/faults",
				"{\"endpoints\":{\"token\":{\"latencyMs\":[0,120000],\"hangMs\":120000}}}");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode token = json(response).path("endpoints").path("token");
		assertThat(token.path("latencyMs").get(1).asLong()).isEqualTo(120000);
		assertThat(token.path("hangMs").asLong()).isEqualTo(120000);
	}

	private void assertInvalid(String body) {
		HttpResponse<String> response = put("/emulator/faults", body);
		assertThat(response.statusCode()).as(body).isEqualTo(400);
		assertThat(json(response).path("code").asString()).isEqualTo("INVALID_FAULTS");
	}

	private List<Integer> errcodesUnder(String faults) {
		assertThat(put("/emulator/faults", faults).statusCode()).isEqualTo(200);
		List<Integer> errcodes = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			JsonNode body = json(get("/emulator/cgi-bin/token?"
					+ query(params("grant_type", "client_credential", "appid", APP.appid(), "secret", APP.secret()))));
			errcodes.add(body.path("errcode").asInt(0));
		}
		return errcodes;
	}

}
