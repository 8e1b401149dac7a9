package io.miniauth.emulator.api;

import org.springframework.http.HttpStatus;

/**
 * A control request (a stand-in for what a phone does) that the emulator cannot carry
 * out. Answered as {@code application/problem+json} with {@code code} and {@code msg}.
 */
public class EmulatorControlException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	public EmulatorControlException(HttpStatus status, String code, String msg) {
		super(msg);
		this.status = status;
		this.code = code;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

}
