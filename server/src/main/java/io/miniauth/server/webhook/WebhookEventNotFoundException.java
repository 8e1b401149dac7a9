package io.miniauth.server.webhook;

import io.miniauth.server.web.MiniAuthException;

import org.springframework.http.HttpStatus;

/**
 * No webhook event has that id (or it is past retention): 404
 * {@code WEBHOOK_EVENT_NOT_FOUND}.
 */
class WebhookEventNotFoundException extends MiniAuthException {

	WebhookEventNotFoundException() {
		super(HttpStatus.NOT_FOUND, "WEBHOOK_EVENT_NOT_FOUND", "No webhook event has that id");
	}

}
