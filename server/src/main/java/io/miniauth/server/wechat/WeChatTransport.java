package io.miniauth.server.wechat;

import java.net.URI;
import java.util.function.Supplier;

import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP exchange with WeChat, timed, its answer read as a JSON object.
 * <p>
 * WeChat answers errors with HTTP 200 and a JSON {@code errcode}, sometimes under a
 * {@code text/plain} content type, so the body is always read as text and parsed as JSON
 * here. Whatever keeps an answer from being read (no connection, a timeout, an error
 * status, an empty or non-JSON body) becomes a {@link WeChatUnavailableException}. The
 * request URL may carry the app secret, a login code or an access token, so transport
 * exceptions are never chained and only their class names are kept.
 */
final class WeChatTransport {

	private final RestClient restClient;

	private final JsonMapper jsonMapper;

	private final WeChatMeters meters;

	WeChatTransport(RestClient restClient, JsonMapper jsonMapper, WeChatMeters meters) {
		this.restClient = restClient;
		this.jsonMapper = jsonMapper;
		this.meters = meters;
	}

	JsonNode get(String api, URI uri) {
		return read(exchange(api, () -> this.restClient.get().uri(uri).retrieve().body(String.class)));
	}

	JsonNode post(String api, URI uri, Object body) {
		return read(exchange(api,
				() -> this.restClient.post()
					.uri(uri)
					.contentType(MediaType.APPLICATION_JSON)
					.body(this.jsonMapper.writeValueAsString(body))
					.retrieve()
					.body(String.class)));
	}

	private String exchange(String api, Supplier<String> call) {
		return this.meters.timed(api, () -> exchangeOnce(call));
	}

	private static String exchangeOnce(Supplier<String> call) {
		try {
			String body = call.get();
			if (body == null) {
				throw new WeChatUnavailableException("empty answer", 0);
			}
			return body;
		}
		catch (ResourceAccessException ex) {
			throw new WeChatUnavailableException("no answer: " + rootCauseName(ex), 0);
		}
		catch (RestClientException ex) {
			throw new WeChatUnavailableException("unexpected answer: " + ex.getClass().getSimpleName(), 0);
		}
	}

	private JsonNode read(String body) {
		try {
			JsonNode node = this.jsonMapper.readTree(body);
			if (node == null || !node.isObject()) {
				throw new WeChatUnavailableException("unreadable answer", 0);
			}
			return node;
		}
		catch (JacksonException ex) {
			throw new WeChatUnavailableException("unreadable answer", 0);
		}
	}

	private static String rootCauseName(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName();
	}

}
