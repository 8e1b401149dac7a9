package io.miniauth.spring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import io.miniauth.spring.revocation.RevocationFeed;
import io.miniauth.spring.security.MiniAuthAuthenticationEntryPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business backend on Spring Boot 3 with Spring Security's resource server and the
 * starter: MiniAuth tokens of the configured apps are accepted, everything else gets
 * MiniAuth's 401 problem, and an ended session is refused once the feed has told.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = ResourceServerIntegrationTests.OrdersApp.class,
		properties = { "miniauth.client.appid=wxorders0001,wxorders0002", "miniauth.client.feed-interval=1h",
				"miniauth.client.api-key=" + FakeMiniAuth.API_KEY, "management.endpoint.health.show-details=always",
				"management.endpoints.web.exposure.include=health,metrics" })
class ResourceServerIntegrationTests {

	static final FakeMiniAuth miniAuth;

	static final MutableClock clock = new MutableClock(Instant.now());

	static {
		try {
			miniAuth = new FakeMiniAuth();
		}
		catch (IOException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void miniAuth(DynamicPropertyRegistry registry) {
		registry.add("miniauth.client.base-url", () -> miniAuth.baseUrl().toString());
	}

	@AfterAll
	static void stop() {
		miniAuth.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	RevocationFeed feed;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void feedAnswers() {
		miniAuth.down.set(false);
	}

	@Test
	void requestWhenTokenOfConfiguredAppThenUserReachesController() throws Exception {
		String sid = UUID.randomUUID().toString();
		HttpResponse<String> response = get("/orders", token("u-1", "wxorders0002", sid));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"userId\":\"u-1\"").contains("\"sessionId\":\"" + sid + "\"");
	}

	@Test
	void requestWhenNoTokenThenUnauthorizedProblem() throws Exception {
		HttpResponse<String> response = get("/orders", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"code\":\"UNAUTHORIZED\"").contains("\"msg\":\"请先登录\"");
	}

	@Test
	void requestWhenTokenOfAnotherAppThenTokenInvalid() throws Exception {
		HttpResponse<String> response = get("/orders", token("u-1", "wxsomeoneelse", "s"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"code\":\"TOKEN_INVALID\"");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("error=\"invalid_token\""));
	}

	@Test
	void requestWhenTokenOfAnotherIssuerThenTokenInvalid() throws Exception {
		String token = miniAuth.token("u-1", "wxorders0001", "s", "someone-else", clock.instant().plusSeconds(600));
		assertThat(get("/orders", token).body()).contains("\"code\":\"TOKEN_INVALID\"");
	}

	@Test
	void requestWhenTokenTypedAtJwtThenSpringSecurity65RefusesIt() throws Exception {
		// why MiniAuth's access tokens say typ JWT and not RFC 9068's at+jwt: the
		// resource
		// server of every Spring Boot 3.5 backend would refuse them
		String token = miniAuth.token("u-1", "wxorders0001", "s", "miniauth", clock.instant().plusSeconds(600),
				new com.nimbusds.jose.JOSEObjectType("at+jwt"));
		assertThat(get("/orders", token).statusCode()).isEqualTo(401);
	}

	@Test
	void requestWhenTokenExpiredBeyondSkewThenTokenExpired() throws Exception {
		String token = miniAuth.token("u-1", "wxorders0001", "s", "miniauth", clock.instant().minusSeconds(61));
		HttpResponse<String> response = get("/orders", token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"code\":\"TOKEN_EXPIRED\"");
	}

	@Test
	void requestWhenSessionEndedAtMiniAuthThenRefusedWithReasonOnceFeedRead() throws Exception {
		String sid = UUID.randomUUID().toString();
		String token = token("u-2", "wxorders0001", sid);
		assertThat(get("/orders", token).statusCode()).isEqualTo(200);
		miniAuth.endSession(sid);
		assertThat(this.feed.poll()).isTrue();
		HttpResponse<String> response = get("/orders", token, Map.of("Accept-Language", "en-US"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"code\":\"TOKEN_REVOKED\"")
			.contains("\"reason\":\"logout\"")
			.contains("\"msg\":\"Your login has ended: please log in again\"");
		assertThat(miniAuth.feedAuthorizations).contains("Bearer " + FakeMiniAuth.API_KEY);
	}

	@Test
	void requestWhenFeedDownThenTokensStillVerifyAndHealthSaysStale() throws Exception {
		miniAuth.down.set(true);
		clock.advance(Duration.ofSeconds(31));
		assertThat(this.feed.poll()).isFalse();
		assertThat(get("/orders", token("u-3", "wxorders0001", UUID.randomUUID().toString())).statusCode())
			.isEqualTo(200);
		HttpResponse<String> health = get("/actuator/health/miniAuthRevocationFeed", null);
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(health.body()).contains("\"status\":\"DOWN\"").contains("\"stale\":true");
		assertThat(get("/actuator/metrics/miniauth.client.revocation.feed.age", null).body())
			.containsPattern("\"value\":(3[1-9]|[4-9][0-9])");
		miniAuth.down.set(false);
		assertThat(this.feed.poll()).isTrue();
		assertThat(get("/actuator/health/miniAuthRevocationFeed", null).statusCode()).isEqualTo(200);
	}

	private String token(String userId, String appid, String sessionId) {
		return miniAuth.token(userId, appid, sessionId, "miniauth", clock.instant().plusSeconds(3600));
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		return get(path, token, Map.of());
	}

	private HttpResponse<String> get(String path, String token, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootApplication(proxyBeanMethods = false)
	static class OrdersApp {

		@Bean
		MutableClock clock() {
			return clock;
		}

		@Bean
		SecurityFilterChain api(HttpSecurity http, MiniAuthAuthenticationEntryPoint entryPoint) throws Exception {
			http.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/actuator/**").permitAll().anyRequest().authenticated())
				.oauth2ResourceServer(
						(server) -> server.jwt(Customizer.withDefaults()).authenticationEntryPoint(entryPoint));
			return http.build();
		}

		@RestController
		static class Orders {

			@GetMapping("/orders")
			Map<String, String> orders(@MiniAuthUser MiniAuthPrincipal user) {
				return Map.of("userId", user.userId(), "sessionId", user.sessionId(), "appid", user.appid());
			}

		}

	}

}
