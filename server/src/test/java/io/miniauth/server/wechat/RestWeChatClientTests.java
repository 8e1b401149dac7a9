package io.miniauth.server.wechat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.miniauth.server.app.MiniApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link RestWeChatClient} against a scripted HTTP server: how each WeChat answer, and
 * each way of not answering, becomes a typed exception.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestWeChatClientTests {

	private static final String SECRET = "s3cr3t-app-secret-value";

	private static final String CODE = "0codeXYZcodeXYZcodeXYZcodeXYZ12";

	private static final MiniApp APP = new MiniApp("wxapp00000000001", SECRET, null);

	private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();

	private final List<URI> requests = new CopyOnWriteArrayList<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private HttpServer server;

	private RestWeChatClient client;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.start();
		this.client = client(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()),
				Duration.ofMillis(500));
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void code2SessionWhenOkAsPlainTextThenSession() {
		this.script.add(Answer.plainText("{\"session_key\":\"a2V5a2V5a2V5a2V5a2V5aw==\",\"openid\":\"oOPENID\"}"));

		WeChatSession session = this.client.code2Session(APP, CODE);

		assertThat(session.openid()).isEqualTo("oOPENID");
		assertThat(session.sessionKey()).isEqualTo("a2V5a2V5a2V5a2V5a2V5aw==");
		assertThat(session.unionid()).isNull();
		assertThat(session.toString()).doesNotContain("a2V5a2V5");
	}

	@Test
	void code2SessionWhenCalledThenSendsWeChatsParametersAndNoAccessToken() {
		this.script.add(Answer.json("{\"session_key\":\"k\",\"openid\":\"o\",\"unionid\":\"u\"}"));

		assertThat(this.client.code2Session(APP, CODE).unionid()).isEqualTo("u");

		URI request = this.requests.get(0);
		assertThat(request.getPath()).isEqualTo("/sns/jscode2session");
		assertThat(request.getQuery()).contains("appid=" + APP.appid(), "secret=" + SECRET, "js_code=" + CODE,
				"grant_type=authorization_code");
		assertThat(request.getQuery()).doesNotContain("access_token");
	}

	@Test
	void code2SessionWhenCodeHasReservedCharactersThenTheyAreEncoded() {
		this.script.add(Answer.json("{\"session_key\":\"k\",\"openid\":\"o\"}"));

		this.client.code2Session(APP, "a+b&c=d");

		assertThat(this.requests.get(0).getRawQuery()).contains("js_code=a%2Bb%26c%3Dd");
	}

	@Test
	void code2SessionWhen40029ThenInvalidCode() {
		this.script.add(Answer.error(40029, "invalid code"));

		assertThatExceptionOfType(InvalidCodeException.class).isThrownBy(() -> this.client.code2Session(APP, CODE));
	}

	@Test
	void code2SessionWhen40163ThenCodeAlreadyUsed() {
		this.script.add(Answer.error(40163, "code been used"));

		assertThatExceptionOfType(CodeAlreadyUsedException.class).isThrownBy(() -> this.client.code2Session(APP, CODE));
	}

	@Test
	void code2SessionWhen45011ThenRateLimitedWithRetryAfter() {
		this.script.add(Answer.error(45011, "api minute-quota reach limit"));

		assertThatExceptionOfType(WeChatRateLimitedException.class)
			.isThrownBy(() -> this.client.code2Session(APP, CODE))
			.satisfies((ex) -> assertThat(ex.headers().getFirst("Retry-After")).isNotBlank());
	}

	@Test
	void code2SessionWhen40226ThenLoginBlocked() {
		this.script.add(Answer.error(40226, "code blocked"));

		assertThatExceptionOfType(LoginBlockedException.class).isThrownBy(() -> this.client.code2Session(APP, CODE));
	}

	@Test
	void code2SessionWhenBadCredentialsThenMisconfiguredAndOperatorIsTold(CapturedOutput output) {
		for (int errcode : new int[] { 40013, 40125 }) {
			this.script.add(Answer.error(errcode, "invalid"));
			assertThatExceptionOfType(WeChatMisconfiguredException.class)
				.isThrownBy(() -> this.client.code2Session(APP, CODE))
				.satisfies((ex) -> assertThat(ex.errcode()).isEqualTo(errcode));
		}
		assertThat(output).contains("ERROR").contains(APP.appid()).contains("40125");
		assertThat(output).doesNotContain(SECRET).doesNotContain(CODE);
	}

	@Test
	void code2SessionWhenBusyOnceThenRetriesAndSucceeds() {
		this.script.add(Answer.error(-1, "system error"));
		this.script.add(Answer.json("{\"session_key\":\"k\",\"openid\":\"o\"}"));

		assertThat(this.client.code2Session(APP, CODE).openid()).isEqualTo("o");
		assertThat(this.requests).hasSize(2);
	}

	@Test
	void code2SessionWhenBusyTwiceThenUnavailableAfterExactlyOneRetry() {
		this.script.add(Answer.error(-1, "system error"));
		this.script.add(Answer.error(-1, "system error"));
		this.script.add(Answer.json("{\"session_key\":\"k\",\"openid\":\"o\"}"));

		assertThatExceptionOfType(WeChatUnavailableException.class)
			.isThrownBy(() -> this.client.code2Session(APP, CODE))
			.satisfies((ex) -> assertThat(ex.headers().getFirst("Retry-After")).isNotBlank());
		assertThat(this.requests).hasSize(2);
	}

	@Test
	void code2SessionWhenRetryFindsCodeSpentThenReportsUnavailableNotUsedCode() {
		this.script.add(Answer.error(-1, "system error"));
		this.script.add(Answer.error(40163, "code been used"));

		assertThatExceptionOfType(WeChatUnavailableException.class)
			.isThrownBy(() -> this.client.code2Session(APP, CODE));
	}

	@Test
	void code2SessionWhenWeChatHangsThenUnavailableWithoutLeakingTheUrl(CapturedOutput output) {
		this.script.add(Answer.json("{\"session_key\":\"k\",\"openid\":\"o\"}").after(Duration.ofSeconds(3)));
		this.script.add(Answer.json("{\"session_key\":\"k\",\"openid\":\"o\"}").after(Duration.ofSeconds(3)));

		assertThatExceptionOfType(WeChatUnavailableException.class)
			.isThrownBy(() -> this.client.code2Session(APP, CODE))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).doesNotContain(SECRET).doesNotContain(CODE);
				assertThat(ex.reason()).doesNotContain(SECRET).doesNotContain(CODE);
				assertThat(ex.getCause()).isNull();
			});
		assertThat(output).doesNotContain(SECRET).doesNotContain(CODE);
	}

	@Test
	void code2SessionWhenNothingListensThenUnavailable() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		RestWeChatClient unreachable = client(URI.create("http://127.0.0.1:" + closedPort), Duration.ofMillis(500));

		assertThatExceptionOfType(WeChatUnavailableException.class)
			.isThrownBy(() -> unreachable.code2Session(APP, CODE))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(SECRET));
	}

	@Test
	void code2SessionWhenAnswerIsNotJsonThenUnavailable() {
		this.script.add(Answer.plainText("<html>bad gateway</html>"));
		this.script.add(Answer.plainText("<html>bad gateway</html>"));

		assertThatExceptionOfType(WeChatUnavailableException.class)
			.isThrownBy(() -> this.client.code2Session(APP, CODE));
	}

	@Test
	void code2SessionWhenHttpErrorStatusThenUnavailable() {
		this.script.add(Answer.json("{}").status(502));
		this.script.add(Answer.json("{}").status(502));

		assertThatExceptionOfType(WeChatUnavailableException.class)
			.isThrownBy(() -> this.client.code2Session(APP, CODE));
	}

	@Test
	void code2SessionWhenUnknownErrcodeThenRejected() {
		this.script.add(Answer.error(48001, "api unauthorized"));

		assertThatExceptionOfType(WeChatRejectedException.class).isThrownBy(() -> this.client.code2Session(APP, CODE))
			.satisfies((ex) -> assertThat(ex.errcode()).isEqualTo(48001));
	}

	@Test
	void phoneNumberWhenCodeMintedForAnotherAppThenInvalidPhoneCodeCountedOnceAndNoAlarm(CapturedOutput output) {
		this.script.add(Answer.json("{\"errcode\":0,\"access_token\":\"t0k3n\",\"expires_in\":7200}"));
		this.script.add(Answer.error(40013, "invalid appid"));

		assertThatExceptionOfType(InvalidPhoneCodeException.class)
			.isThrownBy(() -> this.client.phoneNumber(APP, "oOPENID", "phone-code-of-another-app"));

		assertThat(output).doesNotContain("ERROR").doesNotContain("miniauth.apps");
		assertThat(this.meters.get("miniauth.wechat.errors").tag("errcode", "40013").counter().count()).isEqualTo(1);
	}

	@Test
	void code2SessionWhenCredentialsRejectedThenCountedOnce() {
		this.script.add(Answer.error(40125, "invalid appsecret"));

		assertThatExceptionOfType(WeChatMisconfiguredException.class)
			.isThrownBy(() -> this.client.code2Session(APP, CODE));

		assertThat(this.meters.get("miniauth.wechat.errors").tag("errcode", "40125").counter().count()).isEqualTo(1);
	}

	@Test
	void code2SessionWhen40001ThenMisconfiguredWithoutRetryAndOperatorIsTold(CapturedOutput output) {
		this.script.add(Answer.error(40001, "invalid credential"));

		assertThatExceptionOfType(WeChatMisconfiguredException.class)
			.isThrownBy(() -> this.client.code2Session(APP, CODE))
			.satisfies((ex) -> assertThat(ex.errcode()).isEqualTo(40001));

		assertThat(this.requests).hasSize(1);
		assertThat(output).contains("ERROR").contains(APP.appid()).doesNotContain(SECRET).doesNotContain(CODE);
	}

	@Test
	void code2SessionWhenBodyEmptyThenUnavailableAfterOneRetry() {
		this.script.add(Answer.json(""));
		this.script.add(Answer.json(""));

		assertThatExceptionOfType(WeChatUnavailableException.class)
			.isThrownBy(() -> this.client.code2Session(APP, CODE))
			.satisfies((ex) -> assertThat(ex.errcode()).isZero());
		assertThat(this.requests).hasSize(2);
	}

	@Test
	void code2SessionWhenJsonIsNotAnObjectThenUnavailable() {
		this.script.add(Answer.json("[\"openid\"]"));
		this.script.add(Answer.json("\"ok\""));

		assertThatExceptionOfType(WeChatUnavailableException.class)
			.isThrownBy(() -> this.client.code2Session(APP, CODE))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("unreadable answer"));
	}

	@Test
	void code2SessionWhenAnswerLacksTheSessionKeyThenUnavailable() {
		this.script.add(Answer.json("{\"openid\":\"o\"}"));
		this.script.add(Answer.json("{\"openid\":\"o\"}"));

		assertThatExceptionOfType(WeChatUnavailableException.class)
			.isThrownBy(() -> this.client.code2Session(APP, CODE))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("answer without openid or session_key"));
	}

	@Test
	void code2SessionWhenDailyQuotaReachedThenUnavailableWith45009() {
		this.script.add(Answer.error(45009, "reach max api daily quota limit"));
		this.script.add(Answer.error(45009, "reach max api daily quota limit"));

		assertThatExceptionOfType(WeChatUnavailableException.class)
			.isThrownBy(() -> this.client.code2Session(APP, CODE))
			.satisfies((ex) -> assertThat(ex.errcode()).isEqualTo(45009));
		assertThat(this.meters.get("miniauth.wechat.errors").tag("errcode", "45009").counter().count()).isEqualTo(2);
	}

	@Test
	void phoneNumberWhenStableTokenRefusesTheSecretThenMisconfiguredAndNoPhoneCall(CapturedOutput output) {
		this.script.add(Answer.error(40001, "invalid credential"));

		assertThatExceptionOfType(WeChatMisconfiguredException.class)
			.isThrownBy(() -> this.client.phoneNumber(APP, "oOPENID", "phone-code"))
			.satisfies((ex) -> assertThat(ex.errcode()).isEqualTo(40001));

		assertThat(this.requests).extracting(URI::getPath).containsExactly("/cgi-bin/stable_token");
		assertThat(output).contains("stable_token").doesNotContain(SECRET);
		assertThat(this.meters.get("miniauth.wechat.errors").tag("api", "stable_token").counter().count()).isEqualTo(1);
	}

	@Test
	void phoneNumberWhenStableTokenAnswersWithoutATokenThenUnavailable() {
		this.script.add(Answer.json("{\"errcode\":0,\"expires_in\":7200}"));

		assertThatExceptionOfType(WeChatUnavailableException.class)
			.isThrownBy(() -> this.client.phoneNumber(APP, "oOPENID", "phone-code"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("token answer without access_token"));
		assertThat(this.requests).hasSize(1);
	}

	@Test
	void phoneNumberWhenStableTokenBusyThenUnavailableWithoutRetry() {
		this.script.add(Answer.error(-1, "system error"));

		assertThatExceptionOfType(WeChatUnavailableException.class)
			.isThrownBy(() -> this.client.phoneNumber(APP, "oOPENID", "phone-code"))
			.satisfies((ex) -> assertThat(ex.errcode()).isEqualTo(-1));
		assertThat(this.requests).hasSize(1);
	}

	@Test
	void phoneNumberWhenTokenRefusedTwiceThenRenewedOnceAndTheSecondRefusalIsReported() {
		this.script.add(Answer.json("{\"errcode\":0,\"access_token\":\"first\",\"expires_in\":7200}"));
		this.script.add(Answer.error(40001, "invalid credential, access_token is invalid"));
		this.script.add(Answer.json("{\"errcode\":0,\"access_token\":\"second\",\"expires_in\":7200}"));
		this.script.add(Answer.error(42001, "access_token expired"));

		assertThatExceptionOfType(AccessTokenRejectedException.class)
			.isThrownBy(() -> this.client.phoneNumber(APP, "oOPENID", "phone-code"))
			.satisfies((ex) -> assertThat(ex.errcode()).isEqualTo(42001));
		assertThat(this.requests).extracting(URI::getPath)
			.containsExactly("/cgi-bin/stable_token", "/wxa/business/getuserphonenumber", "/cgi-bin/stable_token",
					"/wxa/business/getuserphonenumber");
		assertThat(this.requests.get(3).getQuery()).contains("access_token=second");
	}

	@Test
	void phoneNumberWhenDailyQuotaReachedThenUnavailableWith45009AndNotCharged() {
		this.script.add(Answer.json("{\"errcode\":0,\"access_token\":\"t0k3n\",\"expires_in\":7200}"));
		this.script.add(Answer.error(45009, "reach max api daily quota limit"));

		assertThatExceptionOfType(WeChatUnavailableException.class)
			.isThrownBy(() -> this.client.phoneNumber(APP, "oOPENID", "phone-code"))
			.satisfies((ex) -> assertThat(ex.errcode()).isEqualTo(45009));
		assertThat(this.meters.find("miniauth.wechat.paid.calls").counter()).isNull();
	}

	@Test
	void checkTextWhenUserNotRecentlyActiveThenThatReason() {
		this.script.add(Answer.json("{\"errcode\":0,\"access_token\":\"t0k3n\",\"expires_in\":7200}"));
		this.script.add(Answer.error(61010, "user is not active in recent time"));

		assertThatExceptionOfType(UserNotRecentlyActiveException.class)
			.isThrownBy(() -> this.client.checkText(APP, "oOPENID", "hello"));
	}

	@Test
	void checkTextWhenSuggestUnknownThenUnavailable() {
		this.script.add(Answer.json("{\"errcode\":0,\"access_token\":\"t0k3n\",\"expires_in\":7200}"));
		this.script.add(Answer.json("{\"errcode\":0,\"result\":{\"suggest\":\"maybe\"}}"));

		assertThatExceptionOfType(WeChatUnavailableException.class)
			.isThrownBy(() -> this.client.checkText(APP, "oOPENID", "hello"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("answer without a result"));
	}

	@Test
	void constructorWhenRestClientNullThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RestWeChatClient(null,
				WeChatBaseUrl.fixed(URI.create("http://x")), JsonMapper.builder().build(), Duration.ZERO,
				new WeChatAccessTokens(new InMemoryAccessTokenStore(), Clock.systemUTC()), Clock.systemUTC(),
				new WeChatCircuitBreakers(1000, Duration.ofSeconds(10), Clock.systemUTC()), new SimpleMeterRegistry()))
			.withMessage("restClient cannot be null");
	}

	private RestWeChatClient client(URI baseUrl, Duration readTimeout) {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build());
		factory.setReadTimeout(readTimeout);
		return new RestWeChatClient(RestClient.builder().requestFactory(factory).build(), WeChatBaseUrl.fixed(baseUrl),
				JsonMapper.builder().build(), Duration.ZERO,
				new WeChatAccessTokens(new InMemoryAccessTokenStore(), Clock.systemUTC()), Clock.systemUTC(),
				new WeChatCircuitBreakers(1000, Duration.ofSeconds(10), Clock.systemUTC()), this.meters);
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.requests.add(exchange.getRequestURI());
		Answer answer = this.script.poll();
		if (answer == null) {
			answer = Answer.error(-1, "unscripted");
		}
		try {
			TimeUnit.MILLISECONDS.sleep(answer.delay().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", answer.contentType());
		try {
			exchange.sendResponseHeaders(answer.status(), body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		catch (IOException ex) {
			// the client gave up waiting
		}
	}

	private record Answer(int status, String contentType, String body, Duration delay) {

		static Answer json(String body) {
			return new Answer(200, "application/json; encoding=utf-8", body, Duration.ZERO);
		}

		static Answer plainText(String body) {
			return new Answer(200, "text/plain", body, Duration.ZERO);
		}

		static Answer error(int errcode, String errmsg) {
			return json("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + ", rid: 1-2-3\"}");
		}

		Answer after(Duration delay) {
			return new Answer(this.status, this.contentType, this.body, delay);
		}

		Answer status(int status) {
			return new Answer(status, this.contentType, this.body, this.delay);
		}

	}

}
