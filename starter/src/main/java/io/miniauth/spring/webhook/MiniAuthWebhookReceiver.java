package io.miniauth.spring.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.json.JsonParseException;
import org.springframework.boot.json.JsonParser;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Receives MiniAuth's webhook deliveries (a Spring MVC handler function, routed at
 * {@code miniauth.webhooks.path} by the auto-configuration): checks the Standard Webhooks
 * signature ({@code 401} when it does not check out), skips an event id handled within
 * the deduplication window, and publishes the rest as {@link MiniAuthWebhookEvent}s to
 * the application's listeners. {@code 204} when they all returned; {@code 500} when one
 * threw, so that MiniAuth delivers the event again.
 */
public class MiniAuthWebhookReceiver {

	private static final Log logger = LogFactory.getLog(MiniAuthWebhookReceiver.class);

	private final WebhookSignatures signatures;

	private final RecentWebhookIds handled;

	private final ApplicationEventPublisher publisher;

	private final JsonParser json = JsonParserFactory.getJsonParser();

	public MiniAuthWebhookReceiver(MiniAuthWebhookProperties properties, ApplicationEventPublisher publisher,
			Clock clock) {
		this.signatures = new WebhookSignatures(properties.secrets(), clock);
		this.handled = new RecentWebhookIds(properties.dedupeCapacity(), properties.dedupeWindow(), clock);
		this.publisher = publisher;
	}

	/**
	 * Handles one delivery.
	 * @param request the delivery
	 * @return {@code 204}, or a problem: {@code 401}, {@code 400} or {@code 500}
	 * @throws Exception when the body cannot be read
	 */
	public ServerResponse receive(ServerRequest request) throws Exception {
		String text = new String(request.body(byte[].class), StandardCharsets.UTF_8);
		String id = request.headers().firstHeader("webhook-id");
		String timestamp = request.headers().firstHeader("webhook-timestamp");
		String signature = request.headers().firstHeader("webhook-signature");
		try {
			this.signatures.verify(id, timestamp, signature, text);
		}
		catch (WebhookRefusedException ex) {
			return problem(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Webhook 签名无效或已过期", ex.getMessage());
		}
		if (this.handled.handled(id)) {
			return ServerResponse.noContent().build();
		}
		MiniAuthWebhookEvent event;
		try {
			event = event(id, this.json.parseMap(text));
		}
		catch (JsonParseException | DateTimeParseException | ClassCastException ex) {
			return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Webhook 内容无法解析",
					"the body is not a MiniAuth event");
		}
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			logger.warn("A listener failed on MiniAuth webhook event " + id + " (" + event.getType()
					+ "); answered 500, so MiniAuth delivers it again", ex);
			return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Webhook 处理失败，稍后重试",
					"a listener failed; the event will be delivered again");
		}
		this.handled.remember(id);
		return ServerResponse.noContent().build();
	}

	@SuppressWarnings("unchecked")
	private MiniAuthWebhookEvent event(String id, Map<String, Object> body) {
		Object timestamp = body.get("timestamp");
		Instant time = (timestamp != null) ? Instant.parse(timestamp.toString()) : null;
		return new MiniAuthWebhookEvent(this, id, (String) body.get("type"), time, (String) body.get("appid"),
				(String) body.get("userId"), (Map<String, Object>) body.get("data"));
	}

	private static ServerResponse problem(HttpStatus status, String code, String msg, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		problem.setProperty("code", code);
		problem.setProperty("msg", msg);
		return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
