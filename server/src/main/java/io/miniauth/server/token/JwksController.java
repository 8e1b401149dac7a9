package io.miniauth.server.token;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /.well-known/jwks.json}: the public keys that may still verify live access
 * tokens, so that other backends can check our tokens without sharing a secret.
 */
@RestController
class JwksController {

	private final SigningKeys keys;

	JwksController(SigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = "application/jwk-set+json")
	ResponseEntity<Map<String, Object>> jwks() {
		// JWKSet.toJSONObject() leaves the private parts out (publicKeysOnly = true)
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(SigningKeys.JWKS_MAX_AGE).cachePublic())
			.body(this.keys.publicKeys().toJSONObject(true));
	}

}
