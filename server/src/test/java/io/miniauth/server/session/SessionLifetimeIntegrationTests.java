package io.miniauth.server.session;

import java.time.Duration;
import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session ends at its maximum lifetime however often it is refreshed, and after its
 * idle timeout without a request or a refresh.
 */
@TestPropertySource(properties = { "miniauth.session.max-lifetime=3d", "miniauth.session.idle-timeout=1h" })
class SessionLifetimeIntegrationTests extends ServerHttpTests {

	@Test
	void refreshWhenMaxLifetimeReachedThen401ThoughRefreshedEveryHalfHour() {
		JsonNode tokens = this.api.login("time-boxed").json();
		for (int i = 0; i < 3 * 48 - 1; i++) {
			this.clock.advance(Duration.ofMinutes(30));
			Reply refreshed = refresh(tokens.get("refreshToken").asString());
			assertThat(refreshed.status()).isEqualTo(200);
			tokens = refreshed.json();
		}
		assertThat(tokens.get("refreshExpiresIn").asLong()).isLessThanOrEqualTo(Duration.ofMinutes(30).toSeconds());

		this.clock.advance(Duration.ofMinutes(30));

		assertThat(refresh(tokens.get("refreshToken").asString()).code()).isEqualTo("REFRESH_TOKEN_INVALID");
		assertThat(me(tokens.get("token").asString()).code()).isEqualTo("TOKEN_REVOKED");
	}

	@Test
	void requestWhenIdleLongerThanIdleTimeoutThen401AndRefreshRefused() {
		JsonNode tokens = this.api.login("idle").json();

		this.clock.advance(Duration.ofHours(1));

		assertThat(me(tokens.get("token").asString()).code()).isEqualTo("TOKEN_REVOKED");
		assertThat(refresh(tokens.get("refreshToken").asString()).code()).isEqualTo("REFRESH_TOKEN_INVALID");
	}

	@Test
	void requestWhenUsedWithinIdleTimeoutThenSessionStaysAlive() {
		JsonNode tokens = this.api.login("busy").json();

		for (int i = 0; i < 3; i++) {
			this.clock.advance(Duration.ofMinutes(25));
			assertThat(me(tokens.get("token").asString()).status()).isEqualTo(200);
		}
	}

	private Reply refresh(String refreshToken) {
		return this.api.post("/user/token/refresh", Api.json(Map.of("refreshToken", refreshToken)));
	}

	private Reply me(String token) {
		return this.api.get("/user/me", "Authorization", "Bearer " + token);
	}

}
