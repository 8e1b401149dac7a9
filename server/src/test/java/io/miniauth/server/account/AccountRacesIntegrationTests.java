package io.miniauth.server.account;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.AtOnce;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account change that races a request of the same user: a ban while the user logs in,
 * and two deletions at once. Whichever comes first, the outcome is the one the change
 * promises.
 */
@TestPropertySource(properties = "miniauth.admin.api-keys=ops-key-1, ops-key-2")
class AccountRacesIntegrationTests extends ServerHttpTests {

	private static final String KEY = "Bearer ops-key-1";

	@Autowired
	JdbcClient jdbc;

	@Test
	void banWhileTheUserLogsInThenEitherTheLoginIsRefusedOrItsSessionEndsWithTheBan() throws Exception {
		for (int round = 0; round < 5; round++) {
			String user = "ban-race-" + round;
			String id = this.api.login(user).json().at("/user/id").asString();
			String code = this.api.wxLogin(user);
			List<Callable<Reply>> calls = List.of(() -> this.api.post("/user/login", Api.json(Map.of("code", code))),
					() -> this.api.post("/admin/api/users/" + id + "/ban", Api.json(Map.of("reason", "race")),
							"Authorization", KEY));

			List<Reply> replies = AtOnce.run(calls);

			assertThat(replies.get(1).status()).isEqualTo(200);
			Reply login = replies.get(0);
			if (login.status() == 200) {
				// the login came first: the ban ended the session it started
				JsonNode session = login.json();
				assertBanned(this.api.get("/user/me", "Authorization", "Bearer " + session.get("token").asString()));
				assertBanned(this.api.post("/user/token/refresh",
						Api.json(Map.of("refreshToken", session.get("refreshToken").asString()))));
			}
			else {
				assertBanned(login);
			}
			assertThat(activeSessions(id)).as("round %d", round).isZero();
		}
	}

	@Test
	void deleteWhenTwoDeletionsRunAtOnceThenBothSucceedAndTheAccountIsErasedOnce() throws Exception {
		String id = this.api.login("deleted-twice").json().at("/user/id").asString();
		Callable<Reply> delete = () -> this.api.send("DELETE", "/admin/api/users/" + id, BodyPublishers.noBody(),
				"Authorization", KEY);

		List<Reply> replies = AtOnce.run(2, delete);

		assertThat(replies).extracting(Reply::status).containsOnly(204);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM auth_events WHERE user_id = ? AND event = 'DELETED'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT status FROM users WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("deleted");
		assertThat(activeSessions(id)).isZero();
	}

	private static void assertBanned(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(403);
		assertThat(reply.code()).isEqualTo("ACCOUNT_BANNED");
	}

	private long activeSessions(String userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM sessions WHERE user_id = ? AND revoked_at IS NULL")
			.param(userId)
			.query(Long.class)
			.single();
	}

}
