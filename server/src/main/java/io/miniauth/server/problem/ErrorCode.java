package io.miniauth.server.problem;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

/**
 * Every {@code code} MiniAuth answers with: its HTTP status, whether the answer carries
 * {@code Retry-After}, and the key of its message in the bundles
 * ({@code messages_zh_CN.properties}, {@code messages_en.properties}). The problem
 * answers, the OpenAPI document and the SDK's type declarations follow from this list,
 * and tests fail when one of them names a code this list lacks, or the reverse.
 * <p>
 * A code never changes with the language; its message does.
 */
public enum ErrorCode {

	/**
	 * The request is malformed, fails validation, or its body is not the JSON expected.
	 */
	INVALID_REQUEST(HttpStatus.BAD_REQUEST),

	/** The login code is invalid or expired (WeChat 40029). */
	INVALID_CODE(HttpStatus.BAD_REQUEST),

	/** The login code was used before, outside the idempotency window (WeChat 40163). */
	CODE_ALREADY_USED(HttpStatus.BAD_REQUEST),

	/** The appid names no configured app. */
	UNKNOWN_APP(HttpStatus.BAD_REQUEST),

	/** Several apps are configured and the login named none. */
	APPID_REQUIRED(HttpStatus.BAD_REQUEST),

	/** The phone code is invalid, used or expired (WeChat 40029 on the phone API). */
	INVALID_PHONE_CODE(HttpStatus.BAD_REQUEST),

	/** Encrypted data was made for another app. */
	WATERMARK_MISMATCH(HttpStatus.BAD_REQUEST),

	/** Encrypted data cannot be decrypted with the user's session keys. */
	INVALID_ENCRYPTED_DATA(HttpStatus.BAD_REQUEST),

	/** {@code rawData} does not match its {@code signature}. */
	SIGNATURE_MISMATCH(HttpStatus.BAD_REQUEST),

	/**
	 * {@code rawData} and its signature are genuine, but the decrypted data does not hold
	 * what they say: the {@code iv} or the ciphertext was altered.
	 */
	RAW_DATA_MISMATCH(HttpStatus.BAD_REQUEST),

	/** A browser's CORS preflight from an origin that may not call the API. */
	CORS_ORIGIN_NOT_ALLOWED(HttpStatus.FORBIDDEN),

	/** No access token was sent. */
	UNAUTHORIZED(HttpStatus.UNAUTHORIZED),

	/** The access token is genuine but expired. */
	TOKEN_EXPIRED(HttpStatus.UNAUTHORIZED),

	/** The access token is not one this service accepts. */
	TOKEN_INVALID(HttpStatus.UNAUTHORIZED),

	/** The access token's session has ended. */
	TOKEN_REVOKED(HttpStatus.UNAUTHORIZED),

	/** The refresh token is unknown, expired or of an ended session. */
	REFRESH_TOKEN_INVALID(HttpStatus.UNAUTHORIZED),

	/** A rotated refresh token came back: its session was ended. */
	REFRESH_TOKEN_REUSED(HttpStatus.UNAUTHORIZED),

	/** WeChat refused this login as high-risk (WeChat 40226). */
	LOGIN_BLOCKED(HttpStatus.FORBIDDEN),

	/** No active session of the caller's has that id. */
	SESSION_NOT_FOUND(HttpStatus.NOT_FOUND),

	/** Encrypted data was made with a session key that has changed since. */
	SESSION_KEY_STALE(HttpStatus.CONFLICT),

	/** The request body is over {@code miniauth.web.max-request-body}. */
	PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),

	/** The request body is not {@code application/json}. */
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),

	/** A rate limit of this service, or WeChat's (45011). */
	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, true),

	/** WeChat says this service's app credentials are wrong. */
	WECHAT_MISCONFIGURED(HttpStatus.INTERNAL_SERVER_ERROR),

	/** WeChat refused the request with an errcode this service does not expect. */
	WECHAT_ERROR(HttpStatus.BAD_GATEWAY),

	/** WeChat is not answering, is busy, or its circuit is open. */
	WECHAT_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, true),

	/** No such path. */
	NOT_FOUND(HttpStatus.NOT_FOUND),

	/** The path does not take this method. */
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),

	/** The answer cannot be given in a type the client accepts. */
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),

	/** A failure nobody foresaw; the details stay in the log. */
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),

	/** The database or Redis is not answering. */
	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, true),

	/**
	 * The account is banned, or locked while its deletion is pending; the answer carries
	 * {@code until} and {@code reason}.
	 */
	ACCOUNT_BANNED(HttpStatus.FORBIDDEN),

	/** An operator action on an account that has been deleted. */
	ACCOUNT_DELETED(HttpStatus.CONFLICT),

	/** A ban of an account whose deletion, asked for by its user, is pending. */
	DELETION_PENDING(HttpStatus.CONFLICT),

	/** The fresh login code of an account deletion belongs to another WeChat user. */
	STEP_UP_MISMATCH(HttpStatus.FORBIDDEN),

	/** The admin API knows no user with this id. */
	USER_NOT_FOUND(HttpStatus.NOT_FOUND),

	/** A WeChat push whose signature does not match the app's push Token. */
	PUSH_SIGNATURE_INVALID(HttpStatus.UNAUTHORIZED),

	/** A WeChat push that cannot be read. */
	PUSH_MALFORMED(HttpStatus.BAD_REQUEST),

	/** A WeChat push for an app with no push Token configured. */
	PUSH_NOT_CONFIGURED(HttpStatus.NOT_FOUND),

	/** The admin API knows no webhook event with this id (or it is past retention). */
	WEBHOOK_EVENT_NOT_FOUND(HttpStatus.NOT_FOUND),

	/** Console sign-in with a wrong username or password. */
	SIGN_IN_FAILED(HttpStatus.UNAUTHORIZED),

	/** The operator's role does not allow this (a viewer asked for a change). */
	FORBIDDEN(HttpStatus.FORBIDDEN),

	/** A change made with the console's cookie without its CSRF token. */
	CSRF_INVALID(HttpStatus.FORBIDDEN),

	/** The one-time setup link is wrong or used, or an operator exists already. */
	SETUP_TOKEN_INVALID(HttpStatus.FORBIDDEN),

	/** No operator has this id. */
	OPERATOR_NOT_FOUND(HttpStatus.NOT_FOUND),

	/** An operator with this username exists. */
	OPERATOR_EXISTS(HttpStatus.CONFLICT),

	/** Deleting oneself or the last admin. */
	OPERATOR_CONFLICT(HttpStatus.CONFLICT),

	/** No API key has this id. */
	API_KEY_NOT_FOUND(HttpStatus.NOT_FOUND),

	/**
	 * The phone number is bound to another user of the app, which allows no re-binding.
	 */
	PHONE_IN_USE(HttpStatus.CONFLICT),

	/** WeChat's content security found a nickname or signature risky. */
	CONTENT_RISKY(HttpStatus.BAD_REQUEST),

	/**
	 * WeChat could not check a profile write, and the policy is to refuse what it cannot
	 * check.
	 */
	CONTENT_CHECK_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

	/**
	 * Codes listed ahead of the feature that throws them (in both bundles and in the
	 * SDK's types already): the "every code is used" tests allow them. None at present.
	 */
	public static final Set<ErrorCode> UPCOMING = Collections.unmodifiableSet(EnumSet.noneOf(ErrorCode.class));

	private static final Map<String, ErrorCode> BY_NAME = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(ErrorCode::name, Function.identity()));

	private final HttpStatus status;

	private final boolean retryAfter;

	ErrorCode(HttpStatus status) {
		this(status, false);
	}

	ErrorCode(HttpStatus status, boolean retryAfter) {
		this.status = status;
		this.retryAfter = retryAfter;
	}

	/**
	 * The code with this name.
	 * @param code an UPPER_SNAKE code
	 * @return the code, or empty when there is none of that name
	 */
	public static Optional<ErrorCode> find(String code) {
		return Optional.ofNullable(BY_NAME.get(code));
	}

	public HttpStatus status() {
		return this.status;
	}

	/**
	 * Whether an answer with this code says when to try again, in {@code Retry-After}.
	 * @return {@code true} when it does
	 */
	public boolean retryAfter() {
		return this.retryAfter;
	}

	/**
	 * The key of this code's message in the bundles: {@code problem.<CODE>}.
	 * @return the key
	 */
	public String messageKey() {
		return "problem." + name();
	}

}
