package io.miniauth.server.web;

import java.net.http.HttpRequest.BodyPublishers;

import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser, a crawler or a proxy meets: the CORS policy, the container's error
 * page, and the headers every answer carries.
 */
@TestPropertySource(properties = { "miniauth.web.cors.allowed-origins=https://console.example.com",
		"server.forward-headers-strategy=native" })
@ExtendWith(OutputCaptureExtension.class)
class WebHardeningIntegrationTests extends ServerHttpTests {

	@Test
	void preflightWhenOriginNotAllowedThen403ProblemAndNoErrorLogged(CapturedOutput output) {

		for (String path : new String[] { "/user/me", "/user/sessions", "/user/phone" }) {
			Reply reply = this.api.send("OPTIONS", path, BodyPublishers.noBody(), "Origin", "https://evil.example",
					"Access-Control-Request-Method", "GET");

			assertThat(reply.status()).isEqualTo(403);
			assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
			assertThat(reply.code()).isEqualTo("CORS_ORIGIN_NOT_ALLOWED");
			assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
		}
		assertThat(output).doesNotContain("ERROR");
	}

	@Test
	void preflightWhenOriginAllowedThen200WithCorsHeadersAndNoTokenNeeded() {
		Reply reply = this.api.send("OPTIONS", "/user/me", BodyPublishers.noBody(), "Origin",
				"https://console.example.com", "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers",
				"authorization");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("https://console.example.com");
		assertThat(reply.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
	}

	@Test
	void requestWhenFromAnotherOriginThenServedWithoutCorsHeaders() {
		String token = this.api.token("cross-origin");

		Reply reply = this.api.get("/user/me", "Authorization", "Bearer " + token, "Origin", "https://evil.example");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void errorPageWhenAskedForDirectlyThen404Problem(CapturedOutput output) {
		Reply reply = this.api.get("/error");

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
		assertThat(reply.code()).isEqualTo("NOT_FOUND");
		assertThat(output).doesNotContain("ERROR");
	}

	@Test
	void answersWhenPersonalThenNoStoreAndAlwaysNosniff() {
		String token = this.api.token("cache-me-not");

		for (String path : new String[] { "/user/me", "/user/sessions", "/user/events" }) {
			Reply reply = this.api.get(path, "Authorization", "Bearer " + token);
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
			assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
		}
		assertThat(this.api.get("/.well-known/jwks.json").header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(this.api.get("/nowhere").header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void answersWhenProxySaysTlsThenHstsAndOtherwiseNot() {

		assertThat(this.api.get("/.well-known/jwks.json", "X-Forwarded-Proto", "https")
			.header("Strict-Transport-Security")).isEqualTo(SecurityHeadersFilter.HSTS);
		assertThat(this.api.get("/.well-known/jwks.json").header("Strict-Transport-Security")).isNull();
	}

}
