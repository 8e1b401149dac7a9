package io.miniauth.emulator.api;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes answers the way WeChat does: always HTTP 200, errors included, as JSON under the
 * content type each endpoint is known to use.
 */
public final class WeChatResponses {

	private static final MediaType JSON_UTF8 = MediaType.parseMediaType("application/json; encoding=utf-8");

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

	private ResponseEntity<String> write(Object body, MediaType type) {
		return ResponseEntity.ok().contentType(type).body(this.jsonMapper.writeValueAsString(body));
	}

}
