package io.miniauth.spring.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.miniauth.spring.MiniAuthClientProperties;
import io.miniauth.spring.MiniAuthClientProperties.Revocation;
import io.miniauth.spring.MiniAuthPrincipal;
import io.miniauth.spring.MiniAuthUser;
import io.miniauth.spring.TestMiniAuth;
import io.miniauth.spring.revocation.Introspection;
import io.miniauth.spring.revocation.RevocationFeed;
import io.miniauth.spring.token.MiniAuthJwtDecoders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Without Spring Security: the interceptor and the {@code @MiniAuthUser} resolver give
 * the same contract as MiniAuth, with introspection as the revocation check (an ended
 * session is refused on the very next request; MiniAuth unreachable is a 503, not a
 * pass).
 */
class MiniAuthInterceptorTests {

	static final TestMiniAuth miniAuth = TestMiniAuth.start();

	@AfterAll
	static void stop() {
		miniAuth.close();
	}

	private final MockMvc mvc = mvc();

	@Test
	void requestWhenValidTokenThenControllerGetsPrincipal() throws Exception {
		String sid = UUID.randomUUID().toString();
		this.mvc.perform(get("/orders").header("Authorization", "Bearer " + token(sid)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.userId").value("u-9"))
			.andExpect(jsonPath("$.sessionId").value(sid));
	}

	@Test
	void requestWhenSessionEndedThenRefusedAtOnceByIntrospection() throws Exception {
		String sid = UUID.randomUUID().toString();
		String token = token(sid);
		this.mvc.perform(get("/orders").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		miniAuth.fake().endSession(sid);
		this.mvc.perform(get("/orders").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", "application/problem+json;charset=UTF-8"))
			.andExpect(jsonPath("$.code").value("TOKEN_REVOKED"))
			.andExpect(jsonPath("$.msg").value("登录已失效，请重新登录"));
	}

	@Test
	void requestWhenIntrospectionUnreachableThenServiceUnavailableNotAccepted() throws Exception {
		miniAuth.fake().down.set(true);
		try {
			this.mvc.perform(get("/orders").header("Authorization", "Bearer " + token("s-down")))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().exists("Retry-After"))
				.andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"));
		}
		finally {
			miniAuth.fake().down.set(false);
		}
	}

	@Test
	void requestWhenMalformedTokenThenTokenInvalidInEnglishOnRequest() throws Exception {
		this.mvc.perform(get("/orders").header("Authorization", "Bearer not.a.token").header("Accept-Language", "en"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					"Bearer error=\"invalid_token\", error_description=\"TOKEN_INVALID\""))
			.andExpect(jsonPath("$.code").value("TOKEN_INVALID"))
			.andExpect(jsonPath("$.msg").value("Your login is not valid: please log in again"));
	}

	@Test
	void requestWhenNoTokenThenUnauthorized() throws Exception {
		this.mvc.perform(get("/orders"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
	}

	private static String token(String sid) {
		return miniAuth.fake().token("u-9", "wxorders0001", sid, "miniauth", Instant.now().plusSeconds(600));
	}

	private static MockMvc mvc() {
		MiniAuthClientProperties properties = new MiniAuthClientProperties(miniAuth.fake().baseUrl(), null, null,
				List.of("wxorders0001"), TestMiniAuth.API_KEY, Revocation.INTROSPECTION, null, null, null, null);
		RestClient client = RevocationFeed.client(RestClient.builder(), properties.baseUrl().toString(),
				TestMiniAuth.API_KEY);
		MiniAuthAuthentication authentication = new MiniAuthAuthentication(
				MiniAuthJwtDecoders.create(properties, new Introspection(client), java.time.Clock.systemUTC()));
		return MockMvcBuilders.standaloneSetup(new Orders())
			.addInterceptors(new MiniAuthInterceptor(authentication))
			.setCustomArgumentResolvers(new MiniAuthUserArgumentResolver(authentication))
			.build();
	}

	@RestController
	static class Orders {

		@GetMapping("/orders")
		Map<String, String> orders(@MiniAuthUser MiniAuthPrincipal user) {
			return Map.of("userId", user.userId(), "sessionId", user.sessionId());
		}

	}

}
