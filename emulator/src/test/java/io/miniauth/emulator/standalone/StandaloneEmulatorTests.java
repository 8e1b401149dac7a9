package io.miniauth.emulator.standalone;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.util.Optional;

import io.miniauth.emulator.app.EmulatedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The standalone emulator as {@code java -jar} runs it: WeChat's own paths, loopback by
 * default, and every control error in the documented shape.
 */
class StandaloneEmulatorTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final EmulatedApp APP = EmulatedApp.DEMO;

	@RegisterExtension
	static final RunningEmulator emulator = RunningEmulator.forTestClass();

	@AfterEach
	void clearFaults() {
		emulator.delete("/emulator/faults");
	}

	@Test
	void weChatPathsWhenStandaloneThenServedAtRootAsUnderEmulator() {
		String code = login("alice").path("code").asString();
		HttpResponse<String> session = emulator.get("/sns/jscode2session?appid=" + APP.appid() + "&secret="
				+ APP.secret() + "&grant_type=authorization_code&js_code=" + code);
		assertThat(session.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		assertThat(json(session).path("openid").asString()).isEqualTo(login("alice").path("openid").asString());
		HttpResponse<String> again = emulator.get("/emulator/sns/jscode2session?appid=" + APP.appid() + "&secret="
				+ APP.secret() + "&grant_type=authorization_code&js_code=" + code);
		assertThat(json(again).path("errcode").asInt()).isEqualTo(40163);
		JsonNode token = json(emulator
			.get("/cgi-bin/token?grant_type=client_credential&appid=" + APP.appid() + "&secret=" + APP.secret()));
		assertThat(token.path("expires_in").asInt()).isEqualTo(7200);
		JsonNode stable = json(emulator.post("/cgi-bin/stable_token", "application/json",
				"{\"grant_type\":\"client_credential\",\"appid\":\"" + APP.appid() + "\",\"secret\":\"" + APP.secret()
						+ "\"}"));
		assertThat(stable.path("access_token").asString()).isNotEmpty();
		String accessToken = token.path("access_token").asString();
		assertThat(json(emulator.post("/wxa/business/getuserphonenumber?access_token=" + accessToken,
				"application/json", "{\"code\":\"nosuchcode\"}"))
			.path("errcode")
			.asInt()).isEqualTo(40029);
		assertThat(json(emulator
			.get("/wxa/checksession?access_token=" + accessToken + "&openid=nobody&signature=x&sig_method=hmac_sha256"))
			.path("errcode")
			.asInt()).isEqualTo(87009);
		assertThat(json(emulator.get("/wxa/resetusersessionkey?access_token=" + accessToken
				+ "&openid=nobody&signature=x&sig_method=hmac_sha256"))
			.path("errcode")
			.asInt()).isEqualTo(87009);
	}

	@Test
	void weChatPathsWhenFaultsSetThenRootPathsFaultedAndCountedToo() {
		emulator.delete("/emulator/calls");
		emulator.put("/emulator/faults", "{\"endpoints\":{\"token\":{\"errcode\":-1,\"errorRate\":1}}}");
		JsonNode root = json(emulator
			.get("/cgi-bin/token?grant_type=client_credential&appid=" + APP.appid() + "&secret=" + APP.secret()));
		JsonNode prefixed = json(emulator.get("/emulator/cgi-bin/token?grant_type=client_credential&appid="
				+ APP.appid() + "&secret=" + APP.secret()));
		assertThat(root.path("errcode").asInt()).isEqualTo(-1);
		assertThat(prefixed.path("errcode").asInt()).isEqualTo(-1);
		JsonNode calls = json(emulator.get("/emulator/calls"));
		assertThat(calls.path("token").path("total").asInt()).isEqualTo(2);
		assertThat(calls.path("token").path("-1").asInt()).isEqualTo(2);
	}

	@Test
	void controlPathsWhenStandaloneThenOnlyUnderEmulator() {
		HttpResponse<String> login = emulator.post("/wx/login", "application/json", "{\"user\":\"alice\"}");
		assertThat(login.statusCode()).isEqualTo(404);
		assertThat(emulator.get("/calls").statusCode()).isEqualTo(404);
		assertThat(emulator.get("/faults").statusCode()).isEqualTo(404);
	}

	@Test
	void errorsWhenNoEndpointMatchesThenProblemJsonWithCodeAndMsg() {
		assertProblem(emulator.get("/emulator/nosuchthing"), 404, "NOT_FOUND");
		assertProblem(emulator.get("/nosuchthing"), 404, "NOT_FOUND");
		HttpResponse<String> wrongMethod = emulator.get("/emulator/wx/login");
		assertProblem(wrongMethod, 405, "METHOD_NOT_ALLOWED");
		assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
		assertProblem(emulator.post("/emulator/calls", "application/json", "{}"), 405, "METHOD_NOT_ALLOWED");
	}

	@Test
	void wxLoginWhenBodyNotJsonThenUnsupportedMediaTypeProblem() {
		HttpResponse<String> login = emulator.post("/emulator/wx/login", "text/plain", "{\"user\":\"alice\"}");
		assertProblem(login, 415, "UNSUPPORTED_MEDIA_TYPE");
		assertThat(login.headers().firstValue("Accept"))
			.hasValueSatisfying((accept) -> assertThat(accept).contains("application/json"));
	}

	@Test
	void listenWhenNoAddressGivenThenLoopbackOnly() throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), emulator.port()), 2000);
			assertThat(socket.isConnected()).isTrue();
		}
		Optional<InetAddress> external = nonLoopbackAddress();
		assumeTrue(external.isPresent(), "this host has no address but loopback");
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(external.get(), emulator.port()), 2000);
			}
		});
	}

	@Test
	void listenWhenAddressGivenThenThatAddress() throws IOException {
		Optional<InetAddress> external = nonLoopbackAddress();
		assumeTrue(external.isPresent(), "this host has no address but loopback");
		try (RunningEmulator everywhere = RunningEmulator.start("--server.address=0.0.0.0");
				Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(external.get(), everywhere.port()), 2000);
			assertThat(socket.isConnected()).isTrue();
		}
	}

	private static JsonNode login(String user) {
		HttpResponse<String> response = emulator.post("/emulator/wx/login", "application/json",
				"{\"user\":\"" + user + "\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		return json(response);
	}

	private static void assertProblem(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json(response);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("code").asString()).isEqualTo(code);
		assertThat(problem.path("msg").asString()).isNotBlank();
	}

	private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
		return NetworkInterface.networkInterfaces()
			.filter(StandaloneEmulatorTests::isUp)
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> address instanceof Inet4Address && !address.isLoopbackAddress())
			.findFirst();
	}

	private static boolean isUp(NetworkInterface networkInterface) {
		try {
			return networkInterface.isUp();
		}
		catch (SocketException ex) {
			return false;
		}
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
