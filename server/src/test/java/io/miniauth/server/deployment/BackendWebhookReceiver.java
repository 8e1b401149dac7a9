package io.miniauth.server.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A business backend's webhook endpoint on loopback, for the packaged jars: it records
 * every request, and either holds it unanswered (as a receiver that hangs does), or
 * accepts it with {@code 204}. Each request is handled on a thread of its own, so that a
 * held one does not hold the others.
 */
final class BackendWebhookReceiver implements AutoCloseable {

	/** The endpoint's signing secret. */
	static final String SECRET = "whsec_ZGVwbG95bWVudC13ZWJob29rLXRlc3Qtc2VjcmV0LTMyYg==";

	/** How long a held request waits at most before it is answered {@code 503}. */
	private static final Duration LONGEST_HOLD = Duration.ofSeconds(30);

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final HttpServer server;

	private final AtomicInteger holding = new AtomicInteger();

	private volatile CountDownLatch held;

	BackendWebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.threads);
		this.server.createContext("/hooks", this::handle);
		this.server.start();
	}

	/**
	 * The settings that make this receiver a server's only endpoint, for every event.
	 * @return the environment variables
	 */
	Map<String, String> endpointEnvironment() {
		return Map.of("MINIAUTH_WEBHOOKS_ENDPOINTS_0_NAME", "backend", "MINIAUTH_WEBHOOKS_ENDPOINTS_0_URL",
				"http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks",
				"MINIAUTH_WEBHOOKS_ENDPOINTS_0_SECRET", SECRET);
	}

	/**
	 * From now on, holds every request unanswered until {@link #accept()}.
	 */
	void hold() {
		this.held = new CountDownLatch(1);
	}

	/**
	 * From now on, accepts every request; the held ones are answered {@code 503}, so
	 * their senders try again.
	 */
	void accept() {
		CountDownLatch latch = this.held;
		this.held = null;
		if (latch != null) {
			latch.countDown();
		}
	}

	/**
	 * How many requests have been held so far.
	 * @return the count
	 */
	int heldSoFar() {
		return this.holding.get();
	}

	/**
	 * Every answered request so far, in the order they came in.
	 * @return the requests
	 */
	List<Received> received() {
		return List.copyOf(this.received);
	}

	/**
	 * The requests answered {@code 204}.
	 * @return the deliveries
	 */
	List<Received> accepted() {
		return this.received.stream().filter((request) -> request.answered() == 204).toList();
	}

	@Override
	public void close() {
		accept();
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Map<String, List<String>> headers = new HashMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
			CountDownLatch latch = this.held;
			int status = 204;
			if (latch != null) {
				this.holding.incrementAndGet();
				awaitRelease(latch);
				status = 503;
			}
			this.received.add(new Received(headers, body, status));
			exchange.sendResponseHeaders(status, -1);
		}
	}

	private static void awaitRelease(CountDownLatch latch) {
		try {
			latch.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Waits until a condition holds, or fails.
	 * @param what what is awaited, for the failure
	 * @param timeout how long to wait
	 * @param condition the condition
	 */
	static void await(String what, Duration timeout, BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Not within " + timeout + ": " + what);
			}
			JarProcess.pause(Duration.ofMillis(200));
		}
	}

	/**
	 * A request as received.
	 *
	 * @param headers its headers, names in lower case
	 * @param body its body
	 * @param answered the status it was answered with
	 */
	record Received(Map<String, List<String>> headers, String body, int answered) {

		String header(String name) {
			List<String> values = this.headers.get(name);
			return (values != null && !values.isEmpty()) ? values.get(0) : null;
		}

	}

}
