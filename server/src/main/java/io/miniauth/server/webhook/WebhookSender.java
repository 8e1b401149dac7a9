package io.miniauth.server.webhook;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Sends one signed delivery (Standard Webhooks: {@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature} with one {@code v1,} signature per
 * secret), never following a redirect, and judges the answer: 2xx is delivered; a
 * connection error, a timeout, 408, 429 and 5xx are retried; any other answer is final.
 */
class WebhookSender {

	private final HttpClient http;

	private final Duration timeout;

	private final WebhookEndpoints endpoints;

	private final Clock clock;

	WebhookSender(Duration timeout, WebhookEndpoints endpoints, Clock clock) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		this.timeout = timeout;
		this.endpoints = endpoints;
		this.clock = clock;
	}

	CompletableFuture<Attempt> send(WebhookEndpoint endpoint, ClaimedDelivery delivery) {
		try {
			this.endpoints.checkAddress(endpoint.url());
		}
		catch (IllegalArgumentException ex) {
			return CompletableFuture.completedFuture(Attempt.finalFailure(null, 0, "refused: " + ex.getMessage()));
		}
		long timestamp = this.clock.instant().getEpochSecond();
		String signatures = endpoint.secrets()
			.stream()
			.map((secret) -> secret.sign(delivery.eventId(), timestamp, delivery.payload()))
			.collect(Collectors.joining(" "));
		HttpRequest request = HttpRequest.newBuilder(endpoint.url())
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "MiniAuth-Webhooks")
			.header("webhook-id", delivery.eventId())
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", signatures)
			.POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
			.build();
		long started = System.nanoTime();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
			.handle((response, failure) -> judge(response, failure, (System.nanoTime() - started) / 1_000_000));
	}

	private Attempt judge(HttpResponse<Void> response, Throwable failure, long latencyMs) {
		if (failure != null) {
			Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
			String error = (cause instanceof HttpTimeoutException) ? "timed out"
					: "connection failed: " + cause.getClass().getSimpleName();
			return Attempt.retry(null, latencyMs, error, null);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return new Attempt(Attempt.Verdict.DELIVERED, status, latencyMs, null, null);
		}
		if (status == 408 || status == 429 || status >= 500) {
			return Attempt.retry(status, latencyMs, "answered " + status,
					retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
		}
		String error = (status >= 300 && status < 400) ? "answered " + status + " (redirects are not followed)"
				: "answered " + status;
		return Attempt.finalFailure(status, latencyMs, error);
	}

	/**
	 * A {@code Retry-After} in seconds or as an HTTP date.
	 * @param value the header, or {@code null}
	 * @return the wait, or {@code null} when absent or unreadable
	 */
	Duration retryAfter(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(this.clock.instant(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notDate) {
				return null;
			}
		}
	}

	/**
	 * What one attempt came to.
	 *
	 * @param verdict delivered, to retry, or final
	 * @param status the HTTP status, when there was an answer
	 * @param latencyMs how long it took
	 * @param error why it failed, or {@code null}
	 * @param retryAfter the receiver's {@code Retry-After}, or {@code null}
	 */
	record Attempt(Verdict verdict, Integer status, long latencyMs, String error, Duration retryAfter) {

		static Attempt retry(Integer status, long latencyMs, String error, Duration retryAfter) {
			return new Attempt(Verdict.RETRY, status, latencyMs, error, retryAfter);
		}

		static Attempt finalFailure(Integer status, long latencyMs, String error) {
			return new Attempt(Verdict.FINAL, status, latencyMs, error, null);
		}

		enum Verdict {

			DELIVERED, RETRY, FINAL

		}

	}

}
