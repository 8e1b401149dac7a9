package io.miniauth.emulator.webhook;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook inspector: {@code POST /emulator/webhooks/{name}} receives a delivery
 * ({@code 204} when its signature verifies, {@code 400} otherwise, recorded either way),
 * {@code GET /emulator/webhooks} lists what arrived, oldest first, and
 * {@code DELETE /emulator/webhooks} forgets it.
 */
@RestController
class WebhookInspectorController {

	private final WebhookInspector inspector;

	private final JsonMapper json;

	WebhookInspectorController(WebhookInspector inspector, JsonMapper json) {
		this.inspector = inspector;
		this.json = json;
	}

	@PostMapping("/emulator/webhooks/{name}")
	ResponseEntity<Void> receive(@PathVariable String name,
			@RequestHeader(name = "webhook-id", required = false) String id,
			@RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
			@RequestHeader(name = "webhook-signature", required = false) String signature,
			@RequestBody(required = false) String body) {
		WebhookInspector.Received received = this.inspector.receive(name, id, timestamp, signature,
				(body != null) ? body : "");
		return ResponseEntity.status(received.verified() ? HttpStatus.NO_CONTENT : HttpStatus.BAD_REQUEST).build();
	}

	@GetMapping("/emulator/webhooks")
	List<Shown> list() {
		return this.inspector.list().stream().map(this::show).toList();
	}

	@DeleteMapping("/emulator/webhooks")
	ResponseEntity<Void> clear() {
		this.inspector.clear();
		return ResponseEntity.noContent().build();
	}

	private Shown show(WebhookInspector.Received received) {
		JsonNode event;
		try {
			event = this.json.readTree(received.body());
		}
		catch (RuntimeException ex) {
			event = null;
		}
		String type = (event != null) ? event.path("type").asString(null) : null;
		return new Shown(received.name(), received.id(), type, received.verified(), received.receivedAt().toString(),
				event);
	}

	/**
	 * A delivery as the list shows it.
	 *
	 * @param name the name it was sent to
	 * @param id its {@code webhook-id}
	 * @param type its event type
	 * @param verified whether its signature matched the inspector's secret
	 * @param receivedAt when it arrived
	 * @param event its body, parsed
	 */
	record Shown(String name, String id, String type, boolean verified, String receivedAt, JsonNode event) {
	}

}
