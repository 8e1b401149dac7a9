package io.miniauth.server;

import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthIntegrationTests extends ServerHttpTests {

	@Test
	void healthWhenServiceCanServeThenUp() {
		Reply reply = this.api.get("/actuator/health");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void unknownPathThen404ProblemJson() {
		Reply reply = this.api.get("/no/such/path");

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
		assertThat(reply.code()).isEqualTo("NOT_FOUND");
	}

}
