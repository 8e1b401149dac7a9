package io.miniauth.spring.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The webhook receiver: where MiniAuth's deliveries arrive and how they are checked.
 *
 * @param path the path of the receiving endpoint, e.g. {@code /miniauth/webhooks}
 * @param secrets the endpoint's signing secrets ({@code whsec_...}); two during a
 * rotation, either of which may sign; the receiver is off without one; never logged
 * @param dedupeWindow how long an event id that was handled is remembered, so that a
 * repeated delivery does not reach the listeners again
 * @param dedupeCapacity how many handled event ids are remembered at most (the oldest are
 * forgotten first)
 */
@ConfigurationProperties("miniauth.webhooks")
public record MiniAuthWebhookProperties(String path, List<String> secrets, Duration dedupeWindow,
		Integer dedupeCapacity) {

	public MiniAuthWebhookProperties {
		path = (path != null) ? path : "/miniauth/webhooks";
		secrets = (secrets != null) ? List.copyOf(secrets) : List.of();
		dedupeWindow = (dedupeWindow != null) ? dedupeWindow : Duration.ofHours(24);
		dedupeCapacity = (dedupeCapacity != null) ? dedupeCapacity : 100_000;
	}

	@Override
	public String toString() {
		// the secrets are secret
		return "MiniAuthWebhookProperties[path=" + this.path + ", secrets=" + this.secrets.size() + ", dedupeWindow="
				+ this.dedupeWindow + ", dedupeCapacity=" + this.dedupeCapacity + "]";
	}

}
