package io.miniauth.examples.orders;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orders backend (Spring Boot 4, the starter, no Spring Security) against the real
 * MiniAuth jar: a user's token is accepted, and after a logout, a ban or a deletion at
 * MiniAuth it is refused by the backend within two seconds (revocation feed) or at once
 * (introspection); a token of another app is refused.
 */
class OrdersAgainstMiniAuthIT {

	private static final String API_KEY = "orders-it-operator-key";

	private static final Duration FEED_LIMIT = Duration.ofSeconds(2);

	private static final String WEBHOOK_SECRET = "whsec_b3JkZXJzLWJhY2tlbmQtd2ViaG9vay1zZWNyZXQtMzI=";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	static MiniAuthJar miniAuth;

	static ConfigurableApplicationContext feedBackend;

	static ConfigurableApplicationContext introspectingBackend;

	static ConfigurableApplicationContext otherAppBackend;

	static ConfigurableApplicationContext webhookBackend;

	@BeforeAll
	static void start() {
		// MiniAuth sends user.deleted to a backend that starts on this port once it is up
		int webhookPort = MiniAuthJar.freePort();
		miniAuth = MiniAuthJar.start(Map.of("MINIAUTH_ADMIN_API_KEYS", API_KEY, "MINIAUTH_WEBHOOKS_ENDPOINTS_0_URL",
				"http://127.0.0.1:" + webhookPort + "/miniauth/webhooks", "MINIAUTH_WEBHOOKS_ENDPOINTS_0_SECRET",
				WEBHOOK_SECRET, "MINIAUTH_WEBHOOKS_ENDPOINTS_0_EVENTS", "user.deleted"));
		feedBackend = backend("feed", "wxminiauthdemo0001");
		introspectingBackend = backend("introspection", "wxminiauthdemo0001");
		otherAppBackend = backend("feed", "wxanotherapp00001");
		webhookBackend = backend("feed", "wxminiauthdemo0001", webhookPort,
				"--miniauth.webhooks.secrets=" + WEBHOOK_SECRET);
	}

	@AfterAll
	static void stop() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { feedBackend,
				introspectingBackend, otherAppBackend, webhookBackend }) {
			if (context != null) {
				context.close();
			}
		}
		if (miniAuth != null) {
			miniAuth.close();
		}
	}

	@Test
	void ordersWhenTokenOfThisAppThenUserPlacesAndReadsOwnOrders() throws Exception {
		Login alice = login("orders-alice");
		HttpResponse<String> placed = send(feedBackend, "POST", "/api/orders", alice.token(), "{\"item\":\"奶茶\"}");
		assertThat(placed.statusCode()).isEqualTo(201);
		assertThat(JSON.readTree(placed.body()).get("userId").asString()).isEqualTo(alice.userId());
		HttpResponse<String> mine = send(feedBackend, "GET", "/api/orders", alice.token(), null);
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.body()).contains("奶茶");
		assertThat(send(introspectingBackend, "GET", "/api/orders", alice.token(), null).statusCode()).isEqualTo(200);
	}

	@Test
	void ordersWhenNoTokenThenMiniAuthProblem() throws Exception {
		HttpResponse<String> response = send(feedBackend, "GET", "/api/orders", null, null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void ordersWhenTokenOfAnotherAppThenRefused() throws Exception {
		Login bob = login("orders-bob");
		HttpResponse<String> response = send(otherAppBackend, "GET", "/api/orders", bob.token(), null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("TOKEN_INVALID");
	}

	@Test
	void ordersWhenLoggedOutAtMiniAuthThenRefusedAtOnceByIntrospectionAndWithinTwoSecondsByFeed() throws Exception {
		Login carol = login("orders-carol");
		assertThat(send(feedBackend, "GET", "/api/orders", carol.token(), null).statusCode()).isEqualTo(200);
		assertThat(miniAuth("POST", "/user/logout", "Bearer " + carol.token(), null).statusCode()).isEqualTo(204);

		HttpResponse<String> introspected = send(introspectingBackend, "GET", "/api/orders", carol.token(), null);
		assertThat(introspected.statusCode()).isEqualTo(401);
		assertThat(JSON.readTree(introspected.body()).get("code").asString()).isEqualTo("TOKEN_REVOKED");

		JsonNode refused = refusedWithin(FEED_LIMIT,
				() -> send(feedBackend, "GET", "/api/orders", carol.token(), null));
		assertThat(refused.get("code").asString()).isEqualTo("TOKEN_REVOKED");
		assertThat(refused.get("reason").asString()).isEqualTo("logout");
	}

	@Test
	void ordersWhenBannedAtMiniAuthThenRefusedWithReasonBanned() throws Exception {
		Login dave = login("orders-dave");
		assertThat(send(feedBackend, "GET", "/api/orders", dave.token(), null).statusCode()).isEqualTo(200);
		HttpResponse<String> ban = miniAuth("POST", "/admin/api/users/" + dave.userId() + "/ban", "Bearer " + API_KEY,
				"{\"until\":null,\"reason\":\"刷单\"}");
		assertThat(ban.statusCode()).isEqualTo(200);

		JsonNode refused = refusedWithin(FEED_LIMIT, () -> send(feedBackend, "GET", "/api/orders", dave.token(), null));
		assertThat(refused.get("reason").asString()).isEqualTo("banned");
		assertThat(send(introspectingBackend, "GET", "/api/orders", dave.token(), null).statusCode()).isEqualTo(401);
	}

	@Test
	void ordersWhenUserDeletedAtMiniAuthThenRefusedWithReasonDeleted() throws Exception {
		Login erin = login("orders-erin");
		assertThat(send(feedBackend, "GET", "/api/orders", erin.token(), null).statusCode()).isEqualTo(200);
		assertThat(miniAuth("DELETE", "/admin/api/users/" + erin.userId(), "Bearer " + API_KEY, null).statusCode())
			.isEqualTo(204);

		JsonNode refused = refusedWithin(FEED_LIMIT, () -> send(feedBackend, "GET", "/api/orders", erin.token(), null));
		assertThat(refused.get("reason").asString()).isEqualTo("deleted");
		assertThat(send(introspectingBackend, "GET", "/api/orders", erin.token(), null).statusCode()).isEqualTo(401);
	}

	@Test
	void ordersWhenUserDeletedAtMiniAuthThenErasedThroughTheWebhook() throws Exception {
		Login frank = login("orders-frank");
		assertThat(send(webhookBackend, "POST", "/api/orders", frank.token(), "{\"item\":\"咖啡\"}").statusCode())
			.isEqualTo(201);
		OrderBook orders = webhookBackend.getBean(OrderBook.class);
		assertThat(orders.of(frank.userId())).hasSize(1);

		assertThat(miniAuth("DELETE", "/admin/api/users/" + frank.userId(), "Bearer " + API_KEY, null).statusCode())
			.isEqualTo(204);

		// MiniAuth polls its outbox every second
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (!orders.of(frank.userId()).isEmpty()) {
			assertThat(Instant.now()).as("the orders erased within 20 s").isBefore(deadline);
			Thread.sleep(100);
		}
	}

	/**
	 * Asks until the backend refuses, and fails if that takes longer than the limit (the
	 * feed is read every second; the limit is what a business backend is promised).
	 */
	private static JsonNode refusedWithin(Duration limit, Call call) throws Exception {
		Instant start = Instant.now();
		while (true) {
			HttpResponse<String> response = call.send();
			if (response.statusCode() == 401) {
				assertThat(Duration.between(start, Instant.now())).isLessThanOrEqualTo(limit);
				return JSON.readTree(response.body());
			}
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(Duration.between(start, Instant.now())).as("refused within %s", limit).isLessThan(limit);
			Thread.sleep(50);
		}
	}

	private static ConfigurableApplicationContext backend(String revocation, String appid) {
		return backend(revocation, appid, 0);
	}

	private static ConfigurableApplicationContext backend(String revocation, String appid, int port, String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--server.address=127.0.0.1",
				"--miniauth.client.base-url=" + miniAuth.url(), "--miniauth.client.appid=" + appid,
				"--miniauth.client.api-key=" + API_KEY, "--miniauth.client.revocation=" + revocation,
				"--spring.main.banner-mode=off"));
		args.addAll(List.of(more));
		return new SpringApplication(OrdersApplication.class).run(args.toArray(String[]::new));
	}

	private static Login login(String user) throws Exception {
		String code = JSON.readTree(miniAuth("POST", "/emulator/wx/login", null, "{\"user\":\"" + user + "\"}").body())
			.get("code")
			.asString();
		JsonNode login = JSON.readTree(miniAuth("POST", "/user/login", null, "{\"code\":\"" + code + "\"}").body());
		return new Login(login.get("token").asString(), login.get("user").get("id").asString());
	}

	private static HttpResponse<String> miniAuth(String method, String path, String authorization, String json)
			throws IOException, InterruptedException {
		return call(miniAuth.url().resolve(path), method, authorization, json);
	}

	private static HttpResponse<String> send(ConfigurableApplicationContext backend, String method, String path,
			String token, String json) throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) backend).getWebServer().getPort();
		return call(URI.create("http://127.0.0.1:" + port + path), method, (token != null) ? "Bearer " + token : null,
				json);
	}

	private static HttpResponse<String> call(URI uri, String method, String authorization, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.method(method, (json != null) ? BodyPublishers.ofString(json) : BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@FunctionalInterface
	interface Call {

		HttpResponse<String> send() throws Exception;

	}

	record Login(String token, String userId) {

	}

}
