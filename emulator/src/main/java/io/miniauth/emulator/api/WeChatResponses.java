package io.miniauth.emulator.api;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes answers the way WeChat does: always HTTP 200, errors included, as JSON under the
 * content type each endpoint is known to use. It also notes each answer's outcome on the
 * current request ({@code ok} or the errcode), which is what {@code /emulator/calls}
 * counts.
 */
public final class WeChatResponses {

	/** The request attribute holding the outcome of the answer written. */
	public static final String OUTCOME_ATTRIBUTE = WeChatResponses.class.getName() + ".outcome";

	/** The outcome of a successful answer. */
	private static final String OK = "ok";

	public static final MediaType JSON_UTF8 = MediaType.parseMediaType("application/json; encoding=utf-8");

	private final JsonMapper jsonMapper;

	public WeChatResponses(JsonMapper jsonMapper) {
		Assert.notNull(jsonMapper, "jsonMapper cannot be null");
		this.jsonMapper = jsonMapper;
	}

	/**
	 * JSON under {@code application/json}, as most endpoints answer.
	 * @param body the body
	 * @return the response
	 */
	public ResponseEntity<String> json(Object body) {
		return write(body, JSON_UTF8);
	}

	/**
	 * JSON under {@code text/plain}, as {@code jscode2session} answers: clients that
	 * trust the content type fail here as they would against WeChat.
	 * @param body the body
	 * @return the response
	 */
	public ResponseEntity<String> jsonAsPlainText(Object body) {
		return write(body, MediaType.TEXT_PLAIN);
	}

	/**
	 * The outcome a body stands for: {@code ok}, or the errcode as a string.
	 * @param body the body
	 * @return the outcome
	 */
	private static String outcome(Object body) {
		if (body instanceof WeChatError error && error.errcode() != 0) {
			return String.valueOf(error.errcode());
		}
		return OK;
	}

	private ResponseEntity<String> write(Object body, MediaType type) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(OUTCOME_ATTRIBUTE, outcome(body), RequestAttributes.SCOPE_REQUEST);
		}
		return ResponseEntity.ok().contentType(type).body(this.jsonMapper.writeValueAsString(body));
	}

}
