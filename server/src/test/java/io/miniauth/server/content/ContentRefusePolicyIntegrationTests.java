package io.miniauth.server.content;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code miniauth.content-security.on-unavailable=refuse}: what WeChat cannot check is
 * not stored.
 */
@TestPropertySource(properties = "miniauth.content-security.on-unavailable=refuse")
class ContentRefusePolicyIntegrationTests extends ServerHttpTests {

	@AfterEach
	void clearFaults() {
		this.api.send("DELETE", "/emulator/faults", BodyPublishers.noBody());
	}

	@Test
	void updateProfileWhenWeChatDownAndPolicyRefuseThen503AndNothingStored() {
		String token = this.api.token("refused-writer");
		this.api.send("PUT", "/emulator/faults",
				BodyPublishers.ofString(Api.json(Map.of("seed", 7, "endpoints",
						Map.of("msg_sec_check", Map.of("errcode", -1, "errorRate", 1.0))))),
				"Content-Type", "application/json");

		Reply patched = this.api.patch("/user/me", Api.json(Map.of("nickName", "later")), "Authorization",
				"Bearer " + token);

		assertThat(patched.status()).isEqualTo(503);
		assertThat(patched.code()).isEqualTo("CONTENT_CHECK_UNAVAILABLE");
		assertThat(this.api.get("/user/me", "Authorization", "Bearer " + token).json().get("nickName").isNull())
			.isTrue();
	}

}
