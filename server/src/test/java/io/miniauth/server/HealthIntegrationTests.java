package io.miniauth.server;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.MiniAuthTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@MiniAuthTest
class HealthIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void healthWhenServiceCanServeThenUp() {
		Reply reply = new Api(this.port).get("/actuator/health");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void unknownPathThen404ProblemJson() {
		Reply reply = new Api(this.port).get("/no/such/path");

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
		assertThat(reply.code()).isEqualTo("NOT_FOUND");
	}

}
