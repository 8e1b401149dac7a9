package io.miniauth.server.webhook;

import java.util.List;

import io.miniauth.server.support.ServerHttpTests;
import io.miniauth.server.support.Api.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo mode sends every event to the embedded emulator's webhook inspector, which checks
 * the signatures and lists what arrived, so the lifecycle can be watched offline.
 */
@TestPropertySource(properties = { "miniauth.webhooks.emulator-inspector=true", "miniauth.webhooks.poll-interval=0s" })
class WebhookInspectorIntegrationTests extends ServerHttpTests {

	@Autowired
	WebhookDispatcher dispatcher;

	@Test
	void loginWhenDemoModeThenInspectorListsTheVerifiedEvents() {
		String userId = this.api.login("inspected").json().at("/user/id").asString();

		this.dispatcher.dispatchAll();

		Reply listed = this.api.get("/emulator/webhooks");
		assertThat(listed.status()).isEqualTo(200);
		List<JsonNode> mine = listed.json()
			.valueStream()
			.filter((delivery) -> userId.equals(delivery.at("/event/userId").asString(null)))
			.toList();
		assertThat(mine).extracting((delivery) -> delivery.get("type").asString())
			.containsExactly("user.created", "session.created");
		assertThat(mine).allMatch((delivery) -> delivery.get("verified").asBoolean());
		assertThat(mine).allMatch((delivery) -> delivery.get("name").asString().equals("demo"));
	}

	@Test
	void receiveWhenSignatureWrongThen400AndListedUnverified() {

		Reply forged = this.api.post("/emulator/webhooks/forged", "{\"type\":\"user.deleted\"}", "webhook-id",
				"forged-1", "webhook-timestamp", "1700000000", "webhook-signature", "v1,bm90LWEtc2lnbmF0dXJl");

		assertThat(forged.status()).isEqualTo(400);
		assertThat(this.api.get("/emulator/webhooks")
			.json()
			.valueStream()
			.filter((delivery) -> "forged-1".equals(delivery.get("id").asString()))
			.toList()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.get("verified").asBoolean()).isFalse());
	}

}
