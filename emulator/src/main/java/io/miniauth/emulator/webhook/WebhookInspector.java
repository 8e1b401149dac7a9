package io.miniauth.emulator.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.util.Assert;

/**
 * Receives webhook deliveries for a developer to watch: checks each one's Standard
 * Webhooks signature against the configured secret and keeps the latest {@value #KEPT}.
 */
public class WebhookInspector {

	/** The secret demo mode signs with, and the inspector checks by default. */
	public static final String DEMO_SECRET = "whsec_bWluaWF1dGgtZGVtby13ZWJob29rLWluc3BlY3RvciE=";

	static final int KEPT = 500;

	private final byte[] key;

	private final Clock clock;

	private final Deque<Received> received = new ArrayDeque<>();

	public WebhookInspector(String secret, Clock clock) {
		Assert.isTrue(secret != null && secret.startsWith("whsec_"), "the webhook secret must start with whsec_");
		this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
		this.clock = clock;
	}

	/**
	 * Checks and records one delivery.
	 * @param name the name it was sent to
	 * @param id the {@code webhook-id}
	 * @param timestamp the {@code webhook-timestamp}
	 * @param signatures the {@code webhook-signature}
	 * @param body the body
	 * @return what was recorded
	 */
	synchronized Received receive(String name, String id, String timestamp, String signatures, String body) {
		Received delivery = new Received(name, id, timestamp, verified(id, timestamp, signatures, body),
				this.clock.instant(), body);
		this.received.addLast(delivery);
		while (this.received.size() > KEPT) {
			this.received.removeFirst();
		}
		return delivery;
	}

	synchronized List<Received> list() {
		return List.copyOf(this.received);
	}

	synchronized void clear() {
		this.received.clear();
	}

	private boolean verified(String id, String timestamp, String signatures, String body) {
		if (id == null || timestamp == null || signatures == null) {
			return false;
		}
		byte[] expected;
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
		for (String signature : signatures.split(" ")) {
			if (signature.startsWith("v1,")) {
				try {
					byte[] given = Base64.getDecoder().decode(signature.substring(3));
					if (MessageDigest.isEqual(expected, given)) {
						return true;
					}
				}
				catch (IllegalArgumentException ex) {
					// not Base64: not this one
				}
			}
		}
		return false;
	}

	/**
	 * A delivery as received.
	 *
	 * @param name the name it was sent to
	 * @param id its {@code webhook-id}
	 * @param timestamp its {@code webhook-timestamp}
	 * @param verified whether its signature matched the secret
	 * @param receivedAt when it arrived
	 * @param body its body
	 */
	record Received(String name, String id, String timestamp, boolean verified, Instant receivedAt, String body) {
	}

}
