package io.miniauth.server.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The error answers each endpoint can give, by HTTP status and {@code code}: what the
 * OpenAPI document shows, and what the contract tests check that some test produces.
 */
public final class ApiErrorCatalog {

	private static final Map<Integer, List<String>> AUTHENTICATION = Map.of(401,
			List.of("UNAUTHORIZED", "TOKEN_EXPIRED", "TOKEN_INVALID", "TOKEN_REVOKED"));

	private static final Map<Integer, List<String>> WECHAT = Map.of(429, List.of("RATE_LIMITED"), 500,
			List.of("WECHAT_MISCONFIGURED"), 502, List.of("WECHAT_ERROR"), 503, List.of("WECHAT_UNAVAILABLE"));

	private static final Map<String, Map<Integer, List<String>>> ERRORS = new LinkedHashMap<>();

	static {
		ERRORS.put("POST /user/login",
				merge(Map.of(400,
						List.of("INVALID_REQUEST", "INVALID_CODE", "CODE_ALREADY_USED", "UNKNOWN_APP",
								"APPID_REQUIRED"),
						403, List.of("LOGIN_BLOCKED"), 413, List.of("PAYLOAD_TOO_LARGE"), 415,
						List.of("UNSUPPORTED_MEDIA_TYPE")), WECHAT));
		ERRORS.put("POST /user/token/refresh",
				Map.of(400, List.of("INVALID_REQUEST"), 401,
						List.of("REFRESH_TOKEN_INVALID", "REFRESH_TOKEN_REUSED", "TOKEN_REVOKED", "TOKEN_INVALID"), 429,
						List.of("RATE_LIMITED")));
		ERRORS.put("GET /user/me", AUTHENTICATION);
		ERRORS.put("PATCH /user/me", merge(AUTHENTICATION, Map.of(400, List.of("INVALID_REQUEST", "CONTENT_RISKY"), 429,
				List.of("RATE_LIMITED"), 503, List.of("CONTENT_CHECK_UNAVAILABLE"))));
		ERRORS.put("PUT /user/me", merge(AUTHENTICATION, Map.of(400, List.of("INVALID_REQUEST", "CONTENT_RISKY"), 429,
				List.of("RATE_LIMITED"), 503, List.of("CONTENT_CHECK_UNAVAILABLE"))));
		ERRORS.put("POST /user/logout", AUTHENTICATION);
		ERRORS.put("GET /user/sessions", AUTHENTICATION);
		ERRORS.put("DELETE /user/sessions", AUTHENTICATION);
		ERRORS.put("DELETE /user/sessions/{id}", merge(AUTHENTICATION, Map.of(404, List.of("SESSION_NOT_FOUND"))));
		ERRORS.put("POST /user/phone", merge(AUTHENTICATION,
				merge(Map.of(400, List.of("INVALID_REQUEST", "INVALID_PHONE_CODE", "WATERMARK_MISMATCH")), WECHAT)));
		ERRORS.put("POST /user/phone", merge(ERRORS.get("POST /user/phone"), Map.of(409, List.of("PHONE_IN_USE"))));
		ERRORS.put("POST /user/login", merge(ERRORS.get("POST /user/login"),
				Map.of(400, List.of("INVALID_PHONE_CODE"), 409, List.of("PHONE_IN_USE"))));
		ERRORS.put("POST /user/decrypt",
				merge(AUTHENTICATION,
						Map.of(400,
								List.of("INVALID_REQUEST", "INVALID_ENCRYPTED_DATA", "WATERMARK_MISMATCH",
										"SIGNATURE_MISMATCH", "RAW_DATA_MISMATCH"),
								409, List.of("SESSION_KEY_STALE"), 429, List.of("RATE_LIMITED"))));
		ERRORS.put("GET /user/session-key/status", merge(AUTHENTICATION, WECHAT));
		ERRORS.put("GET /user/events", AUTHENTICATION);
		ERRORS.put("DELETE /user/me",
				merge(AUTHENTICATION, merge(Map.of(400, List.of("INVALID_REQUEST", "INVALID_CODE", "CODE_ALREADY_USED"),
						403, List.of("STEP_UP_MISMATCH", "ACCOUNT_BANNED")), WECHAT)));
		ERRORS.put("POST /admin/api/session",
				Map.of(401, List.of("SIGN_IN_FAILED"), 403, List.of("CSRF_INVALID"), 429, List.of("RATE_LIMITED")));
		ERRORS.put("POST /admin/api/setup", Map.of(403, List.of("SETUP_TOKEN_INVALID")));
		ERRORS.put("POST /admin/api/operators",
				Map.of(401, List.of("UNAUTHORIZED"), 403, List.of("FORBIDDEN"), 409, List.of("OPERATOR_EXISTS")));
		ERRORS.put("DELETE /admin/api/operators/{id}", Map.of(401, List.of("UNAUTHORIZED"), 403, List.of("FORBIDDEN"),
				404, List.of("OPERATOR_NOT_FOUND"), 409, List.of("OPERATOR_CONFLICT")));
		ERRORS.put("DELETE /admin/api/api-keys/{id}",
				Map.of(401, List.of("UNAUTHORIZED"), 403, List.of("FORBIDDEN"), 404, List.of("API_KEY_NOT_FOUND")));
		ERRORS.put("POST /admin/api/users/{id}/ban",
				Map.of(400, List.of("INVALID_REQUEST"), 401, List.of("UNAUTHORIZED"), 404, List.of("USER_NOT_FOUND"),
						409, List.of("ACCOUNT_DELETED", "DELETION_PENDING")));
		ERRORS.put("DELETE /admin/api/users/{id}/ban",
				Map.of(401, List.of("UNAUTHORIZED"), 404, List.of("USER_NOT_FOUND"), 409, List.of("ACCOUNT_DELETED")));
		ERRORS.put("DELETE /admin/api/users/{id}",
				Map.of(401, List.of("UNAUTHORIZED"), 404, List.of("USER_NOT_FOUND")));
		ERRORS.put("DELETE /admin/api/users/{id}/sessions/{sid}", Map.of(401, List.of("UNAUTHORIZED"), 403,
				List.of("FORBIDDEN"), 404, List.of("USER_NOT_FOUND", "SESSION_NOT_FOUND")));
		ERRORS.put("GET /admin/api/webhooks/deliveries",
				Map.of(400, List.of("INVALID_REQUEST"), 401, List.of("UNAUTHORIZED")));
		ERRORS.put("POST /admin/api/webhooks/events/{id}/replay",
				Map.of(401, List.of("UNAUTHORIZED"), 404, List.of("WEBHOOK_EVENT_NOT_FOUND")));
		ERRORS.put("POST /admin/api/webhooks/replay",
				Map.of(400, List.of("INVALID_REQUEST"), 401, List.of("UNAUTHORIZED")));
		ERRORS.put("GET /wechat/push/{appid}",
				Map.of(401, List.of("PUSH_SIGNATURE_INVALID"), 404, List.of("PUSH_NOT_CONFIGURED")));
		ERRORS.put("POST /wechat/push/{appid}", Map.of(400, List.of("PUSH_MALFORMED"), 401,
				List.of("PUSH_SIGNATURE_INVALID"), 404, List.of("PUSH_NOT_CONFIGURED")));
		// a banned account, or one whose deletion is pending, is refused on every path
		List.of("POST /user/login", "POST /user/token/refresh", "GET /user/me", "PATCH /user/me", "POST /user/phone",
				"POST /user/decrypt")
			.forEach((endpoint) -> ERRORS.computeIfPresent(endpoint,
					(key, errors) -> merge(errors, Map.of(403, List.of("ACCOUNT_BANNED")))));
	}

	private ApiErrorCatalog() {
	}

	/**
	 * Every endpoint's errors, keyed {@code "METHOD /path"}.
	 * @return status to codes, per endpoint
	 */
	public static Map<String, Map<Integer, List<String>>> all() {
		return ERRORS;
	}

	private static Map<Integer, List<String>> merge(Map<Integer, List<String>> a, Map<Integer, List<String>> b) {
		Map<Integer, List<String>> merged = new LinkedHashMap<>(a);
		b.forEach((status, codes) -> merged.merge(status, codes,
				(left, right) -> java.util.stream.Stream.concat(left.stream(), right.stream()).distinct().toList()));
		return merged;
	}

}
