package io.miniauth.spring.webhook;

/**
 * A delivery that is not MiniAuth's: its signature or timestamp does not check out.
 */
class WebhookRefusedException extends RuntimeException {

	WebhookRefusedException(String message) {
		super(message);
	}

}
