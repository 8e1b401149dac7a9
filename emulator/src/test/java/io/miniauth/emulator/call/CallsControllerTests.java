package io.miniauth.emulator.call;

import java.util.Map;

import io.miniauth.emulator.EmulatorHttpTests;
import io.miniauth.emulator.EmulatorTestApplication;
import io.miniauth.emulator.api.WeChatEndpointNames;
import io.miniauth.emulator.app.EmulatedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CallsControllerTests extends EmulatorHttpTests {

	private static final EmulatedApp APP = EmulatorTestApplication.UNBOUND;

	@AfterEach
	void clearFaults() {
		delete("/emulator/faults");
	}

	@Test
	void callsWhenEndpointsCalledThenCountedByOutcomeAndControlCallsNot() {
		assertThat(delete("/emulator/calls").statusCode()).isEqualTo(204);
		String code = wxLogin(newUser(), APP).path("code").asString();
		code2Session(APP, code);
		code2Session(APP, code);
		code2Session(APP, "0nosuchcode");
		put("/emulator/faults", "{\"endpoints\":{\"jscode2session\":{\"errcode\":-1,\"errorRate\":1}}}");
		code2Session(APP, code);
		put("/emulator/faults", "{\"endpoints\":{\"token\":{\"dropRate\":1}}}");
		try {
			accessToken(APP);
		}
		catch (IllegalStateException ex) {
			// the dropped connection
		}
		JsonNode calls = json(get("/emulator/calls"));
		assertThat(JSON.convertValue(calls.path("jscode2session"), Map.class))
			.isEqualTo(Map.of("total", 4, "ok", 1, "40163", 1, "40029", 1, "-1", 1));
		assertThat(JSON.convertValue(calls.path("token"), Map.class)).isEqualTo(Map.of("total", 1, "drop", 1));
		assertThat(calls.path("stable_token").path("total").asInt()).isZero();
		assertThat(JSON.convertValue(calls, Map.class).keySet())
			.containsExactlyInAnyOrderElementsOf(WeChatEndpointNames.ALL);
	}

	@Test
	void callsWhenResetThenZero() {
		accessToken(APP);
		delete("/emulator/calls");
		assertThat(json(get("/emulator/calls")).path("token").path("total").asInt()).isZero();
	}

}
