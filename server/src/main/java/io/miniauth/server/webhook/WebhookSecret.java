package io.miniauth.server.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A signing secret in the Standard Webhooks form {@code whsec_<base64>}, and the
 * signature it makes: {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>}.
 */
final class WebhookSecret {

	private static final String PREFIX = "whsec_";

	private final SecretKeySpec key;

	private WebhookSecret(byte[] key) {
		this.key = new SecretKeySpec(key, "HmacSHA256");
	}

	/**
	 * Reads a secret.
	 * @param value {@code whsec_} and the Base64 of at least 24 random bytes
	 * @param property the property it came from, for the error message
	 * @return the secret
	 * @throws IllegalArgumentException when it is not of that form (the message never
	 * holds the value)
	 */
	static WebhookSecret parse(String value, String property) {
		if (value == null || !value.startsWith(PREFIX)) {
			throw new IllegalArgumentException(property + " must be whsec_ followed by Base64");
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(property + " must be whsec_ followed by Base64");
		}
		if (key.length < 24) {
			throw new IllegalArgumentException(property + " must hold at least 24 bytes (192 bits)");
		}
		return new WebhookSecret(key);
	}

	/**
	 * Signs one delivery.
	 * @param id the {@code webhook-id}
	 * @param timestamp the {@code webhook-timestamp}, in seconds
	 * @param body the body sent
	 * @return {@code v1,<base64 signature>}
	 */
	String sign(String id, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

	@Override
	public String toString() {
		return "WebhookSecret[******]";
	}

}
