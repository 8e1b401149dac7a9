package io.miniauth.server.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.miniauth.server.support.ServerHttpTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Deliveries verify with the Standard Webhooks reference libraries, as docs/API.md's
 * snippets use them: {@code com.standardwebhooks:standardwebhooks} for Java and
 * {@code standardwebhooks} for Node (run with {@code node}, installed from
 * {@code src/test/node}). The clock is not moved here: both libraries check the timestamp
 * against the real time.
 */
@TestPropertySource(properties = "miniauth.webhooks.poll-interval=0s")
class WebhookReferenceLibraryTests extends ServerHttpTests {

	static final String OTHER_SECRET = "whsec_bm90LXRoZS1zZWNyZXQtb2YtdGhpcy1lbmRwb2ludA==";

	static final WebhookReceiver receiver = new WebhookReceiver();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	WebhookDispatcher dispatcher;

	@DynamicPropertySource
	static void receiverUrl(DynamicPropertyRegistry registry) {
		receiver.register(registry);
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@Test
	void deliveryWhenVerifiedWithJavaLibraryThenAcceptedWithEitherSecretAndRefusedWithAnother() throws Exception {
		WebhookReceiver.Received delivery = deliverOne("hook-java");

		new Webhook(WebhookReceiver.SECRET).verify(delivery.body(), delivery.lowerCaseHeaders());
		new Webhook(WebhookReceiver.PREVIOUS_SECRET).verify(delivery.body(), delivery.lowerCaseHeaders());
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> new Webhook(OTHER_SECRET).verify(delivery.body(), delivery.lowerCaseHeaders()));
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> new Webhook(WebhookReceiver.SECRET).verify(delivery.body().replace("user.", "usr."),
					delivery.lowerCaseHeaders()));
	}

	@Test
	void deliveryWhenVerifiedWithNodeLibraryThenAcceptedWithTheSecretAndRefusedWithAnother() throws Exception {
		WebhookReceiver.Received delivery = deliverOne("hook-node");

		NodeResult verified = verifyWithNode(WebhookReceiver.SECRET, delivery);
		NodeResult refused = verifyWithNode(OTHER_SECRET, delivery);

		assertThat(verified.exitCode()).as(verified.output()).isZero();
		assertThat(verified.output().strip()).isEqualTo(delivery.header("webhook-id"));
		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.output()).contains("WebhookVerificationError");
	}

	private WebhookReceiver.Received deliverOne(String user) {
		receiver.clear();
		this.api.login(user);
		this.dispatcher.dispatchAll();
		List<WebhookReceiver.Received> received = receiver.received();
		assertThat(received).isNotEmpty();
		return received.get(0);
	}

	private static NodeResult verifyWithNode(String secret, WebhookReceiver.Received delivery)
			throws IOException, InterruptedException {
		Path script = Path.of("src/test/node/verify-webhook.mjs").toAbsolutePath();
		Process node = new ProcessBuilder("node", script.toString()).redirectErrorStream(true).start();
		Map<String, String> headers = Map.of("webhook-id", delivery.header("webhook-id"), "webhook-timestamp",
				delivery.header("webhook-timestamp"), "webhook-signature", delivery.header("webhook-signature"));
		node.getOutputStream()
			.write(JSON.writeValueAsString(Map.of("secret", secret, "body", delivery.body(), "headers", headers))
				.getBytes(StandardCharsets.UTF_8));
		node.getOutputStream().close();
		String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new NodeResult(node.exitValue(), output);
	}

	private record NodeResult(int exitCode, String output) {
	}

}
