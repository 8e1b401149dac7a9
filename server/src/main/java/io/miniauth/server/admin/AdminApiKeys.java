package io.miniauth.server.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;

import io.miniauth.server.app.EmulatorMode;
import io.miniauth.server.config.MiniAuthProperties;
import io.miniauth.server.crypto.Sha256;
import io.miniauth.server.web.ErrorCode;
import io.miniauth.server.web.MiniAuthException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Opens {@code /admin/api/**} and {@code /oauth2/introspect} only to
 * {@code Authorization: Bearer <key>} with a key from {@code miniauth.admin.api-keys},
 * compared in constant time; anything else gets 401 {@code UNAUTHORIZED}. With no key
 * configured the routes are closed, except in demo mode (no app configured, the emulator
 * on), where the documented key {@value #DEMO_KEY} opens them so that the README's
 * walkthrough works. Keys are never logged.
 */
@Configuration(proxyBeanMethods = false)
class AdminApiKeys implements WebMvcConfigurer, HandlerInterceptor {

	/** The key that opens the operator API in demo mode, when none is configured. */
	static final String DEMO_KEY = "demo-admin-key";

	private static final String BEARER = "bearer ";

	private static final Log logger = LogFactory.getLog(AdminApiKeys.class);

	private final List<byte[]> keyHashes;

	AdminApiKeys(AdminProperties admin, MiniAuthProperties properties) {
		List<String> keys = admin.apiKeys();
		if (keys.isEmpty() && properties.apps().isEmpty() && EmulatorMode.isOn(properties)) {
			logger.warn("Demo mode: the operator API under /admin/api accepts the documented key '" + DEMO_KEY
					+ "'. Configure miniauth.admin.api-keys for anything else.");
			keys = List.of(DEMO_KEY);
		}
		this.keyHashes = keys.stream().map(AdminApiKeys::hash).toList();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/admin/api/**", "/oauth2/introspect");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
			throw new AdminUnauthorizedException();
		}
		byte[] presentedHash = hash(authorization.substring(BEARER.length()).strip());
		boolean known = false;
		for (byte[] keyHash : this.keyHashes) {
			// every key is compared, each in constant time: the answer's timing tells
			// nothing
			known |= MessageDigest.isEqual(keyHash, presentedHash);
		}
		if (!known) {
			throw new AdminUnauthorizedException();
		}
		return true;
	}

	private static byte[] hash(String key) {
		return Sha256.hex(key).getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * 401 {@code UNAUTHORIZED}: no valid operator API key.
	 */
	static final class AdminUnauthorizedException extends MiniAuthException {

		AdminUnauthorizedException() {
			super(ErrorCode.UNAUTHORIZED, "A valid operator API key is required");
		}

		@Override
		public HttpHeaders headers() {
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"miniauth-admin\"");
			return headers;
		}

	}

}
