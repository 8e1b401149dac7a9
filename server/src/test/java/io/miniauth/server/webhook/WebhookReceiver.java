package io.miniauth.server.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A business backend's webhook endpoint on loopback: records every request, answers with
 * the status it is told, and can go down (connections refused) and come back up on the
 * same port.
 */
final class WebhookReceiver implements AutoCloseable {

	/** The endpoint's secret in the tests. */
	static final String SECRET = "whsec_bWluaWF1dGgtd2ViaG9vay10ZXN0LXNlY3JldC0zMmI=";

	/** The secret being rotated out, which also signs. */
	static final String PREVIOUS_SECRET = "whsec_bWluaWF1dGgtd2ViaG9vay1vbGQtc2VjcmV0LTMyYnk=";

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile Supplier<Answer> answer = () -> new Answer(204, null);

	private final int port;

	private HttpServer server;

	WebhookReceiver() {
		this.server = start(0);
		this.port = this.server.getAddress().getPort();
	}

	/**
	 * Configures this receiver as endpoint 0, signed with both secrets. A list binds from
	 * one property source, so the whole endpoint is given here.
	 * @param registry the test's dynamic properties
	 */
	void register(DynamicPropertyRegistry registry) {
		registry.add("miniauth.webhooks.endpoints[0].name", () -> "backend");
		registry.add("miniauth.webhooks.endpoints[0].url", this::url);
		registry.add("miniauth.webhooks.endpoints[0].secret", () -> SECRET);
		registry.add("miniauth.webhooks.endpoints[0].previous-secret", () -> PREVIOUS_SECRET);
	}

	String url() {
		return "http://127.0.0.1:" + this.port + "/hooks";
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	void clear() {
		this.received.clear();
	}

	void answer(int status) {
		this.answer = () -> new Answer(status, null);
	}

	void answer(int status, String retryAfter) {
		this.answer = () -> new Answer(status, retryAfter);
	}

	synchronized void down() {
		if (this.server != null) {
			this.server.stop(0);
			this.server = null;
		}
	}

	synchronized void up() {
		if (this.server == null) {
			this.server = start(this.port);
		}
	}

	@Override
	public void close() {
		down();
	}

	private HttpServer start(int port) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
			server.createContext("/hooks", (exchange) -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				Answer answer = this.answer.get();
				this.received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, answer.status()));
				if (answer.retryAfter() != null) {
					exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
				}
				exchange.sendResponseHeaders(answer.status(), -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Answer(int status, String retryAfter) {
	}

	/**
	 * A request as received.
	 *
	 * @param headers its headers (names as the JDK server capitalises them)
	 * @param body its body
	 * @param answered the status it was answered with
	 */
	record Received(Map<String, List<String>> headers, String body, int answered) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		Map<String, List<String>> lowerCaseHeaders() {
			Map<String, List<String>> lower = new java.util.HashMap<>();
			this.headers.forEach((name, values) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), values));
			return lower;
		}

	}

}
