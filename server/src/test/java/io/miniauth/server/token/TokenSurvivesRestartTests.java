package io.miniauth.server.token;

import java.nio.file.Path;

import io.miniauth.server.MiniAuthApplication;
import io.miniauth.server.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing key and the users live in the data directory, so a token issued before a
 * restart is still accepted after it.
 */
class TokenSurvivesRestartTests {

	@TempDir
	Path dataDir;

	@Test
	void tokenWhenServiceRestartsOnSameDataDirThenStillValid() {
		String token;
		String userId;
		try (ConfigurableApplicationContext first = start()) {
			Api api = new Api(port(first));
			var login = api.login("before-restart").json();
			token = login.get("token").asString();
			userId = login.at("/user/id").asString();
		}

		try (ConfigurableApplicationContext second = start()) {
			Api api = new Api(port(second));
			var me = api.get("/user/me", "Authorization", "Bearer " + token);

			assertThat(me.status()).isEqualTo(200);
			assertThat(me.json().get("id").asString()).isEqualTo(userId);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(MiniAuthApplication.class).run("--server.port=0",
				"--miniauth.data-dir=" + this.dataDir);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
