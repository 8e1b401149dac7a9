package io.miniauth.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * Checks a delivery's Standard Webhooks signature: {@code webhook-signature} holds one or
 * more {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, and one of them must be
 * made with one of the configured secrets (compared in constant time), with a
 * {@code webhook-timestamp} within five minutes of the clock. The HMAC is the Standard
 * Webhooks library's; the timestamp is checked here, against the injectable clock.
 */
final class WebhookSignatures {

	/** How far a delivery's timestamp may be from now, as Standard Webhooks says. */
	static final Duration TOLERANCE = Duration.ofMinutes(5);

	private final List<Webhook> secrets;

	private final Clock clock;

	WebhookSignatures(List<String> secrets, Clock clock) {
		List<Webhook> parsed = new ArrayList<>();
		for (int i = 0; i < secrets.size(); i++) {
			parsed.add(parse(secrets.get(i), "miniauth.webhooks.secrets[" + i + "]"));
		}
		if (parsed.isEmpty()) {
			throw new IllegalStateException("Set miniauth.webhooks.secrets to the endpoint's secret (whsec_...)");
		}
		this.secrets = List.copyOf(parsed);
		this.clock = clock;
	}

	/**
	 * Checks a delivery.
	 * @param id the {@code webhook-id} header
	 * @param timestamp the {@code webhook-timestamp} header
	 * @param signature the {@code webhook-signature} header
	 * @param body the body, as sent
	 * @throws WebhookRefusedException when a header is missing, the timestamp is too old
	 * or too new, or no signature matches
	 */
	void verify(String id, String timestamp, String signature, String body) {
		if (id == null || id.isBlank() || timestamp == null || signature == null) {
			throw new WebhookRefusedException(
					"the webhook-id, webhook-timestamp and webhook-signature headers are required");
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException ex) {
			throw new WebhookRefusedException("webhook-timestamp is not a number of seconds");
		}
		Duration off = Duration.between(Instant.ofEpochSecond(seconds), this.clock.instant()).abs();
		if (off.compareTo(TOLERANCE) > 0) {
			throw new WebhookRefusedException(
					"webhook-timestamp is more than " + TOLERANCE.toMinutes() + " minutes from now");
		}
		for (Webhook secret : this.secrets) {
			byte[] expected = sign(secret, id, seconds, body);
			for (String presented : signature.strip().split(" +")) {
				if (MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
					return;
				}
			}
		}
		throw new WebhookRefusedException("no webhook-signature matches a configured secret");
	}

	private static byte[] sign(Webhook secret, String id, long seconds, String body) {
		try {
			return secret.sign(id, seconds, body).getBytes(StandardCharsets.UTF_8);
		}
		catch (WebhookSigningException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private static Webhook parse(String secret, String property) {
		if (secret == null || !secret.startsWith("whsec_")) {
			throw new IllegalStateException(property + " must be a secret of the form whsec_<base64>");
		}
		try {
			return new Webhook(secret);
		}
		catch (IllegalArgumentException ex) {
			// the decoder's message would quote a character of the secret
			throw new IllegalStateException(property + " must be a secret of the form whsec_<base64>");
		}
	}

}
