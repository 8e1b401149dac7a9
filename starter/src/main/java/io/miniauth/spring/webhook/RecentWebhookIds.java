package io.miniauth.spring.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the events handled lately, in this process's memory: at most
 * {@code capacity} of them, each for {@code window}, the oldest forgotten first. A
 * repeated delivery within that window is recognised by this instance only; several
 * instances behind a load balancer each keep their own.
 */
final class RecentWebhookIds {

	private final Map<String, Instant> handledAt = new LinkedHashMap<>();

	private final int capacity;

	private final Duration window;

	private final Clock clock;

	RecentWebhookIds(int capacity, Duration window, Clock clock) {
		if (capacity < 1) {
			throw new IllegalStateException("miniauth.webhooks.dedupe-capacity must be at least 1");
		}
		this.capacity = capacity;
		this.window = window;
		this.clock = clock;
	}

	/**
	 * Whether the event was handled within the window.
	 * @param id the event id
	 * @return whether it was
	 */
	synchronized boolean handled(String id) {
		forgetExpired();
		return this.handledAt.containsKey(id);
	}

	/**
	 * Remembers that the event was handled.
	 * @param id the event id
	 */
	synchronized void remember(String id) {
		forgetExpired();
		this.handledAt.remove(id);
		this.handledAt.put(id, this.clock.instant());
		Iterator<String> oldest = this.handledAt.keySet().iterator();
		while (this.handledAt.size() > this.capacity) {
			oldest.next();
			oldest.remove();
		}
	}

	synchronized int size() {
		return this.handledAt.size();
	}

	private void forgetExpired() {
		Instant before = this.clock.instant().minus(this.window);
		Iterator<Instant> times = this.handledAt.values().iterator();
		while (times.hasNext() && !times.next().isAfter(before)) {
			times.remove();
		}
	}

}
