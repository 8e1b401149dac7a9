package io.miniauth.server.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server jar on its default embedded H2 database, killed with {@code kill -9} right
 * after it answered: every logout it answered stays a logout, and every login it answered
 * stays a login of the same user.
 */
class CrashIT {

	private static final int USERS = 10;

	private JarProcess server;

	@AfterEach
	void stop() {
		Deployment.closeAll(this.server);
	}

	@Test
	void killWhenRightAfterLogoutsAndLoginsThenNothingAnsweredIsUndoneAfterRestart() {
		Path dataDir = Deployment.newDataDir("crash-h2-");
		this.server = start(dataDir);
		Api api = new Api(this.server.port());
		List<JsonNode> loggedOut = new ArrayList<>();
		List<JsonNode> loggedIn = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			loggedOut.add(api.login("crash-out-" + i).json());
		}
		// the last answers before the kill: H2's default write delay is half a second
		for (int i = 0; i < USERS; i++) {
			String token = loggedOut.get(i).get("token").asString();
			assertThat(api.post("/user/logout", "{}", bearer(token)).status()).isEqualTo(204);
			assertThat(api.get("/user/me", bearer(token)).code()).isEqualTo("TOKEN_REVOKED");
			loggedIn.add(api.login("crash-in-" + i).json());
		}

		this.server.kill();
		this.server = start(dataDir);
		api = new Api(this.server.port());

		for (JsonNode login : loggedOut) {
			assertThat(api.get("/user/me", bearer(login.get("token").asString())).code()).isEqualTo("TOKEN_REVOKED");
			assertThat(refresh(api, login).status()).isEqualTo(401);
		}
		for (int i = 0; i < USERS; i++) {
			JsonNode before = loggedIn.get(i);
			assertThat(api.get("/user/me", bearer(before.get("token").asString())).status()).isEqualTo(200);
			Reply again = api.login("crash-in-" + i);
			assertThat(again.json().get("isNewUser").asBoolean()).isFalse();
			assertThat(again.json().at("/user/id").asString()).isEqualTo(before.at("/user/id").asString());
		}
	}

	private static JarProcess start(Path dataDir) {
		return JarProcess.start("crash-server", Deployment.serverJar(), Map.of("MINIAUTH_DATA_DIR", dataDir.toString()))
			.awaitReady("/actuator/health/readiness", Deployment.START_TIMEOUT);
	}

	private static Reply refresh(Api api, JsonNode login) {
		return api.post("/user/token/refresh", Api.json(Map.of("refreshToken", login.get("refreshToken").asString())));
	}

	private static String[] bearer(String token) {
		return new String[] { "Authorization", "Bearer " + token };
	}

}
