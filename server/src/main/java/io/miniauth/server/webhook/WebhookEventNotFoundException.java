package io.miniauth.server.webhook;

import io.miniauth.server.problem.ErrorCode;
import io.miniauth.server.problem.MiniAuthException;

/**
 * No webhook event has that id (or it is past retention): 404
 * {@code WEBHOOK_EVENT_NOT_FOUND}.
 */
class WebhookEventNotFoundException extends MiniAuthException {

	WebhookEventNotFoundException() {
		super(ErrorCode.WEBHOOK_EVENT_NOT_FOUND, "No webhook event has that id");
	}

}
