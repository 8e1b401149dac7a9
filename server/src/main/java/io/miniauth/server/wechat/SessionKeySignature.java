package io.miniauth.server.wechat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature by which a session_key proves itself to WeChat's session key APIs:
 * lowercase hex HMAC-SHA256 of the message, keyed with the session_key string's UTF-8
 * bytes (the Base64 text, not the decoded 16 bytes). For the GET APIs the message is
 * empty.
 */
final class SessionKeySignature {

	private SessionKeySignature() {
	}

	static String of(String sessionKey) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(sessionKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			// the GET APIs sign an empty message
			return HexFormat.of().formatHex(mac.doFinal());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
