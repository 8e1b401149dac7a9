package io.miniauth.server.account;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deletion with a grace period, in demo mode: the account is locked at once, a login with
 * {@code cancelDeletion} restores it, and the job erases it when the period is over.
 */
@TestPropertySource(properties = "miniauth.account.deletion-grace-period=7d")
class AccountDeletionGracePeriodIntegrationTests extends ServerHttpTests {

	@Autowired
	PendingDeletions pendingDeletions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void deleteMeWhenGracePeriodThenLockedUntilItsEndThenErased() {
		JsonNode login = this.api.login("patient-leaver").json();
		String id = login.get("user").get("id").asString();
		Instant runsAt = this.clock.instant().plus(Duration.ofDays(7));

		Reply pending = deleteMe(login.get("token").asString(), "patient-leaver");

		assertThat(pending.status()).isEqualTo(202);
		assertThat(pending.json().get("status").asString()).isEqualTo("deletion_pending");
		assertThat(pending.json().get("deletesAt").asString()).isEqualTo(runsAt.toString());
		Reply old = this.api.get("/user/me", "Authorization", "Bearer " + login.get("token").asString());
		assertThat(old.status()).isEqualTo(403);
		assertThat(old.code()).isEqualTo("ACCOUNT_BANNED");
		assertThat(old.json().get("reason").asString()).isEqualTo("deletion_pending");
		Reply refused = this.api.post("/user/login", Api.json(Map.of("code", this.api.wxLogin("patient-leaver"))));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("until").asString()).isEqualTo(runsAt.toString());
		this.clock.advance(Duration.ofDays(7).minusSeconds(1));
		assertThat(this.pendingDeletions.run()).isZero();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.pendingDeletions.run()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT status FROM users WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("deleted");
		JsonNode again = this.api.login("patient-leaver").json();
		assertThat(again.get("isNewUser").asBoolean()).isTrue();
		Reply revoked = this.api.post("/user/token/refresh",
				Api.json(Map.of("refreshToken", login.get("refreshToken").asString())));
		assertThat(revoked.code()).isEqualTo("TOKEN_REVOKED");
		assertThat(revoked.json().get("reason").asString()).isEqualTo("deleted");
	}

	@Test
	void loginWhenCancelDeletionThenAccountRestored() {
		JsonNode login = this.api.login("second-thoughts").json();
		String id = login.get("user").get("id").asString();
		deleteMe(login.get("token").asString(), "second-thoughts");

		Reply restored = this.api.post("/user/login",
				Api.json(Map.of("code", this.api.wxLogin("second-thoughts"), "cancelDeletion", true)));

		assertThat(restored.status()).isEqualTo(200);
		assertThat(restored.json().get("user").get("id").asString()).isEqualTo(id);
		assertThat(restored.json().get("isNewUser").asBoolean()).isFalse();
		this.clock.advance(Duration.ofDays(8));
		this.pendingDeletions.run();
		assertThat(this.api.get("/user/me", "Authorization", "Bearer " + this.api.token("second-thoughts")).status())
			.isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT status FROM users WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("active");
	}

	@Test
	void adminRoutesWhenDemoModeThenDocumentedDemoKeyWorks() {
		String id = this.api.login("demo-banned").json().get("user").get("id").asString();

		Reply banned = this.api.post("/admin/api/users/" + id + "/ban", "{\"reason\":\"demo\"}", "Authorization",
				"Bearer demo-admin-key");
		Reply pendingBan = banPending();

		assertThat(banned.status()).isEqualTo(200);
		assertThat(banned.json().get("status").asString()).isEqualTo("banned");
		assertThat(pendingBan.status()).isEqualTo(409);
		assertThat(pendingBan.code()).isEqualTo("DELETION_PENDING");
	}

	private Reply banPending() {
		JsonNode login = this.api.login("pending-then-banned").json();
		deleteMe(login.get("token").asString(), "pending-then-banned");
		return this.api.post("/admin/api/users/" + login.get("user").get("id").asString() + "/ban", "{}",
				"Authorization", "Bearer demo-admin-key");
	}

	private Reply deleteMe(String token, String user) {
		return this.api.send("DELETE", "/user/me",
				BodyPublishers.ofString(Api.json(Map.of("code", this.api.wxLogin(user)))), "Content-Type",
				"application/json", "Authorization", "Bearer " + token);
	}

}
