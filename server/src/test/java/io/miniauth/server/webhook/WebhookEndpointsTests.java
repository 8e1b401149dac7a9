package io.miniauth.server.webhook;

import java.net.URI;
import java.util.List;

import io.miniauth.server.config.MiniAuthProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The endpoint checks at start: https only, no address that turns the service against
 * itself or its host, a well-formed secret, known events; and no secret in any message.
 */
class WebhookEndpointsTests {

	private static final String SECRET = "whsec_bWluaWF1dGgtd2ViaG9vay10ZXN0LXNlY3JldC0zMmI=";

	@Test
	void constructorWhenHttpsPublicHostThenAcceptedWithAllEventsByDefault() {
		WebhookEndpoints endpoints = endpoints(false, "https://203.0.113.10/hooks");

		assertThat(endpoints.all()).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.name()).isEqualTo("endpoint-0");
			assertThat(endpoint.events()).containsExactlyInAnyOrder(WebhookEventType.values());
		});
	}

	@Test
	void constructorWhenMetadataOrLinkLocalAddressThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> endpoints(false, "https://169.254.169.254/latest"))
			.withMessageContaining("miniauth.webhooks.endpoints[0].url is refused")
			.withMessageContaining("link-local");
		assertThatIllegalArgumentException().isThrownBy(() -> endpoints(true, "https://[fe80::1]/hooks"))
			.withMessageContaining("link-local");
		assertThatIllegalArgumentException().isThrownBy(() -> endpoints(true, "https://100.100.100.200/hooks"))
			.withMessageContaining("link-local");
		assertThatIllegalArgumentException().isThrownBy(() -> endpoints(true, "https://0.0.0.0/hooks"))
			.withMessageContaining("wildcard");
	}

	@Test
	void constructorWhenLoopbackOutsideDemoModeThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> endpoints(false, "https://127.0.0.1:8080/admin"))
			.withMessageContaining("loopback");
		assertThatIllegalArgumentException().isThrownBy(() -> endpoints(false, "https://localhost/hooks"))
			.withMessageContaining("loopback");
	}

	@Test
	void constructorWhenPlainHttpThenRefusedExceptToLoopbackInDemoMode() {
		assertThatIllegalArgumentException().isThrownBy(() -> endpoints(false, "http://203.0.113.10/hooks"))
			.withMessageContaining("must use https");
		assertThatIllegalArgumentException().isThrownBy(() -> endpoints(true, "http://203.0.113.10/hooks"))
			.withMessageContaining("must use https");
		assertThat(endpoints(true, "http://127.0.0.1:8080/emulator/webhooks/backend").all()).hasSize(1);
	}

	@Test
	void constructorWhenUserInfoInUrlThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> endpoints(false, "https://user:pw@203.0.113.10/hooks"))
			.withMessageContaining("without user info");
	}

	@Test
	void constructorWhenSecretMalformedThenRefusedWithoutShowingIt() {
		List<MiniAuthProperties.WebhookEndpoint> configured = List.of(new MiniAuthProperties.WebhookEndpoint(null,
				URI.create("https://203.0.113.10/hooks"), "not-a-whsec-secret", null, null));

		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookEndpoints(configured, false))
			.withMessageContaining("miniauth.webhooks.endpoints[0].secret must be whsec_")
			.withMessageNotContaining("not-a-whsec-secret");
	}

	@Test
	void constructorWhenUnknownEventThenRefused() {
		List<MiniAuthProperties.WebhookEndpoint> configured = List.of(new MiniAuthProperties.WebhookEndpoint(null,
				URI.create("https://203.0.113.10/hooks"), SECRET, null, List.of("user.created", "user.exploded")));

		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookEndpoints(configured, false))
			.withMessageContaining("user.exploded");
	}

	@Test
	void subscribedToWhenEventsListedThenOnlyThose() {
		List<MiniAuthProperties.WebhookEndpoint> configured = List.of(new MiniAuthProperties.WebhookEndpoint("crm",
				URI.create("https://203.0.113.10/hooks"), SECRET, null, List.of("user.created")));
		WebhookEndpoints endpoints = new WebhookEndpoints(configured, false);

		assertThat(endpoints.subscribedTo(WebhookEventType.USER_CREATED)).hasSize(1);
		assertThat(endpoints.subscribedTo(WebhookEventType.SESSION_CREATED)).isEmpty();
	}

	private static WebhookEndpoints endpoints(boolean demoMode, String url) {
		return new WebhookEndpoints(
				List.of(new MiniAuthProperties.WebhookEndpoint(null, URI.create(url), SECRET, null, null)), demoMode);
	}

}
