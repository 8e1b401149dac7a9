package io.miniauth.server.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.miniauth.server.crypto.SecretBox;

import org.springframework.stereotype.Component;

/**
 * What a deleted user's openid and unionid are replaced by: an HMAC-SHA256 of the user's
 * id and the identifier, under a key derived from the key-encryption key. An operator who
 * is handed an openid can tell whether a given deleted row was that person's (for an
 * audit), but the row alone leads back to nobody, and it never matches a new login. A
 * tombstone reads {@code d.<base64url>} (45 characters).
 */
@Component
class Tombstones {

	private static final String PREFIX = "d.";

	private final SecretKeySpec key;

	Tombstones(SecretBox secretBox) {
		this.key = new SecretKeySpec(secretBox.deriveKey("tombstone"), "HmacSHA256");
	}

	/**
	 * The tombstone of an identifier.
	 * @param kind {@code openid} or {@code unionid}
	 * @param userId the deleted user
	 * @param value the identifier, or {@code null}
	 * @return the tombstone, {@code null} for {@code null}
	 */
	String of(String kind, String userId, String value) {
		if (value == null) {
			return null;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			byte[] digest = mac.doFinal((kind + "\n" + userId + "\n" + value).getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot compute a tombstone", ex);
		}
	}

}
