package io.miniauth.server.introspection;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.ratelimit.RateLimiter;
import io.miniauth.server.session.Sessions;
import io.miniauth.server.token.AccessToken;
import io.miniauth.server.token.AccessTokenVerifier;
import io.miniauth.server.token.AuthenticationException;
import io.miniauth.server.web.ClientAddress;
import io.miniauth.server.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /oauth2/introspect} (RFC 7662): whether an access token is active now, that
 * is genuine, unexpired, and of a session that has not ended. For operators' API keys
 * only. An inactive token gets {@code {"active": false}} and nothing else, whatever the
 * reason. The token is never logged.
 */
@RestController
@Tag(name = "Operators")
class IntrospectionController {

	private final AccessTokenVerifier verifier;

	private final Sessions sessions;

	private final RateLimiter rateLimiter;

	private final MiniAuthProperties properties;

	private final ClientAddress clientAddress;

	IntrospectionController(AccessTokenVerifier verifier, Sessions sessions, RateLimiter rateLimiter,
			MiniAuthProperties properties, ClientAddress clientAddress) {
		this.verifier = verifier;
		this.sessions = sessions;
		this.rateLimiter = rateLimiter;
		this.properties = properties;
		this.clientAddress = clientAddress;
	}

	@Operation(summary = "Whether an access token is active (RFC 7662)")
	@PostMapping(path = "/oauth2/introspect", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Map<String, Object>> introspect(@RequestParam(required = false) String token,
			HttpServletRequest request) {
		this.rateLimiter.consume("introspect-ip", this.clientAddress.of(request),
				this.properties.rateLimit().introspectPerIp());
		if (token == null || token.isBlank()) {
			throw new InvalidRequestException("token is required");
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer(token.strip()));
	}

	private Map<String, Object> answer(String token) {
		AccessToken verified;
		SignedJWT jwt;
		try {
			verified = this.verifier.verify(token);
			this.sessions.findActive(verified.sessionId())
				.filter((session) -> session.userId().equals(verified.userId()))
				.orElseThrow(NotActive::new);
			jwt = SignedJWT.parse(token);
		}
		catch (AuthenticationException | NotActive | ParseException ex) {
			return Map.of("active", false);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("active", true);
		answer.put("token_type", "Bearer");
		answer.put("sub", verified.userId());
		answer.put("aud", verified.appid());
		answer.put("sid", verified.sessionId());
		answer.put("iss", this.properties.token().issuer());
		try {
			answer.put("iat", jwt.getJWTClaimsSet().getIssueTime().toInstant().getEpochSecond());
		}
		catch (ParseException ex) {
			return Map.of("active", false);
		}
		answer.put("exp", verified.expiresAt().getEpochSecond());
		return answer;
	}

	/** The token's session has ended, or is not the token user's. */
	private static final class NotActive extends RuntimeException {

		NotActive() {
			super(null, null, false, false);
		}

	}

}
