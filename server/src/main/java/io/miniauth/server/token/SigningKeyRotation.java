package io.miniauth.server.token;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks once a minute whether a new signing key is due, and drops keys whose tokens have
 * all expired.
 */
@Component
class SigningKeyRotation {

	private final SigningKeys keys;

	SigningKeyRotation(SigningKeys keys) {
		this.keys = keys;
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void rotateIfDue() {
		this.keys.rotateIfDue();
	}

}
