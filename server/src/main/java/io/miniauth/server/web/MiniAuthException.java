package io.miniauth.server.web;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure the client is told about: an HTTP status, a stable UPPER_SNAKE {@code code}
 * and a readable message, answered as {@code application/problem+json}. Messages never
 * carry secrets.
 */
public abstract class MiniAuthException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	protected MiniAuthException(HttpStatus status, String code, String msg) {
		super(msg, null, false, false);
		this.status = status;
		this.code = code;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	/**
	 * Headers that go with the answer, such as {@code Retry-After}.
	 * @return the headers, empty by default
	 */
	public HttpHeaders headers() {
		return HttpHeaders.EMPTY;
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
