package io.miniauth.server.token;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the signing keys at start-up, before the server takes requests, introducing the
 * first key on an empty database; then checks once a minute whether a new key is due, and
 * drops keys whose tokens have all expired.
 */
@Component
class SigningKeyRotation implements SmartInitializingSingleton {

	private final SigningKeys keys;

	SigningKeyRotation(SigningKeys keys) {
		this.keys = keys;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.keys.rotateIfDue();
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void rotateIfDue() {
		this.keys.rotateIfDue();
	}

}
