package io.miniauth.emulator.call;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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

	private static final int CALLS = 150;

	private static final int READERS = 3;

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

	/**
	 * A test that asserts "one call" reads the counts right after its answer, often over
	 * another connection, while other readers poll them too.
	 */
	@Test
	void callsWhenReadOverAnotherConnectionRightAfterAnswerThenCallCounted() throws Exception {
		delete("/emulator/calls");
		AtomicBoolean done = new AtomicBoolean();
		ExecutorService readers = Executors.newFixedThreadPool(READERS);
		List<Future<Integer>> polls = new ArrayList<>();
		for (int i = 0; i < READERS; i++) {
			polls.add(readers.submit(() -> pollCalls(done)));
		}
		HttpClient otherConnection = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		try {
			for (int call = 1; call <= CALLS; call++) {
				code2Session(APP, "0nosuchcode");
				HttpResponse<String> calls = otherConnection
					.send(HttpRequest.newBuilder(uri("/emulator/calls")).build(), HttpResponse.BodyHandlers.ofString());
				assertThat(json(calls).path("jscode2session").path("total").asInt()).as("count after call %d", call)
					.isEqualTo(call);
			}
		}
		finally {
			done.set(true);
			readers.shutdown();
		}
		for (Future<Integer> poll : polls) {
			assertThat(poll.get(10, TimeUnit.SECONDS)).isPositive();
		}
	}

	private int pollCalls(AtomicBoolean done) throws Exception {
		HttpClient reader = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		int reads = 0;
		while (!done.get()) {
			reader.send(HttpRequest.newBuilder(uri("/emulator/calls")).build(), HttpResponse.BodyHandlers.discarding());
			reads++;
		}
		return reads;
	}

	@Test
	void callsWhenResetThenZero() {
		accessToken(APP);
		delete("/emulator/calls");
		assertThat(json(get("/emulator/calls")).path("token").path("total").asInt()).isZero();
	}

}
