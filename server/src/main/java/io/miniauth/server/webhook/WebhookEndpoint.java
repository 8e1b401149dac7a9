package io.miniauth.server.webhook;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * An endpoint as configured and checked.
 *
 * @param name how the delivery log names it
 * @param url where events are POSTed
 * @param secrets the signing secrets, current first; each signs every delivery
 * @param events the event types it receives
 */
record WebhookEndpoint(String name, URI url, List<WebhookSecret> secrets, Set<WebhookEventType> events) {

	boolean subscribes(WebhookEventType type) {
		return this.events.contains(type);
	}

	@Override
	public String toString() {
		return "WebhookEndpoint[name=" + this.name + ", url=" + this.url + "]";
	}

}
