package io.miniauth.server.web;

import java.time.Duration;
import java.util.Map;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure the client is told about: an HTTP status, a stable UPPER_SNAKE {@code code}
 * and a readable message, answered as {@code application/problem+json}. Messages never
 * carry secrets.
 * <p>
 * The exception's own message is English and is what logs show. The answer's {@code msg}
 * and {@code detail} come from the message bundles in the caller's language, by the key
 * {@link #getCodes()} names (the code's {@link ErrorCode#messageKey()} unless a more
 * precise key was given) with {@link #getArguments()}; the English message is the
 * fallback when no bundle has the key.
 */
public abstract class MiniAuthException extends RuntimeException implements MessageSourceResolvable {

	/** How long to wait before trying again, unless a failure knows better. */
	private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

	private static final Object[] NO_ARGUMENTS = {};

	private final HttpStatus status;

	private final String code;

	private final String messageKey;

	private final Object[] arguments;

	/**
	 * A failure with a code of {@link ErrorCode}, its message looked up by the code.
	 * @param code the code, which also gives the status
	 * @param msg the English message, for the log and as the fallback
	 */
	protected MiniAuthException(ErrorCode code, String msg) {
		this(code, code.messageKey(), NO_ARGUMENTS, msg);
	}

	/**
	 * A failure whose message has a key of its own, such as one validation rule's, or one
	 * with arguments ({@code {0}}, {@code {1}}, ...; a code's own message has none).
	 * @param code the code, which also gives the status
	 * @param messageKey the key of the message in the bundles
	 * @param arguments the message's arguments
	 * @param msg the English message, for the log and as the fallback
	 */
	protected MiniAuthException(ErrorCode code, String messageKey, Object[] arguments, String msg) {
		super(msg, null, false, false);
		this.status = code.status();
		this.code = code.name();
		this.messageKey = messageKey;
		this.arguments = (arguments != null) ? arguments.clone() : NO_ARGUMENTS;
	}

	/**
	 * A failure named by status and code. The answer's message is the code's from the
	 * bundles when {@link ErrorCode} has it, else this English one.
	 * @param status the HTTP status
	 * @param code the stable UPPER_SNAKE code, which should be one of {@link ErrorCode}
	 * @param msg the English message, for the log and as the fallback
	 */
	protected MiniAuthException(HttpStatus status, String code, String msg) {
		super(msg, null, false, false);
		this.status = status;
		this.code = code;
		this.messageKey = "problem." + code;
		this.arguments = NO_ARGUMENTS;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	/**
	 * Headers that go with the answer, such as {@code WWW-Authenticate}: by default
	 * {@code Retry-After} of {@link #retryAfter()} for the codes that
	 * {@linkplain ErrorCode#retryAfter() carry it}, and none for the others.
	 * @return the headers
	 */
	public HttpHeaders headers() {
		if (!ErrorCode.find(this.code).map(ErrorCode::retryAfter).orElse(false)) {
			return HttpHeaders.EMPTY;
		}
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter().toSeconds())));
		return headers;
	}

	/**
	 * How long the client should wait before it tries again, sent as {@code Retry-After}
	 * when the code {@linkplain ErrorCode#retryAfter() carries it}.
	 * @return the wait, 5 seconds by default
	 */
	public Duration retryAfter() {
		return DEFAULT_RETRY_AFTER;
	}

	@Override
	public String[] getCodes() {
		return new String[] { this.messageKey, "problem." + this.code };
	}

	@Override
	public Object[] getArguments() {
		return this.arguments.clone();
	}

	@Override
	public String getDefaultMessage() {
		return getMessage();
	}

	/**
	 * Members the problem carries besides {@code code} and {@code msg}, such as
	 * {@code until} on {@code ACCOUNT_BANNED} or {@code reason} on {@code TOKEN_REVOKED}.
	 * @return the members (values may be {@code null}), empty by default
	 */
	public Map<String, Object> properties() {
		return Map.of();
	}

}
