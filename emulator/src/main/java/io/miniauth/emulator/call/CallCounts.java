package io.miniauth.emulator.call;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.miniauth.emulator.api.WeChatEndpointNames;

import org.springframework.util.Assert;

/**
 * How many calls each WeChat endpoint got, by outcome: {@code ok}, the errcode answered
 * (as a string), {@code hang} or {@code drop}, plus a {@code total}.
 */
public final class CallCounts {

	/** The key counting every call of an endpoint. */
	public static final String TOTAL = "total";

	private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

	public void record(String endpoint, String outcome) {
		Assert.hasText(endpoint, "endpoint cannot be empty");
		Assert.hasText(outcome, "outcome cannot be empty");
		Map<String, LongAdder> byOutcome = this.counts.computeIfAbsent(endpoint, (key) -> new ConcurrentHashMap<>());
		byOutcome.computeIfAbsent(TOTAL, (key) -> new LongAdder()).increment();
		byOutcome.computeIfAbsent(outcome, (key) -> new LongAdder()).increment();
	}

	/**
	 * The counts so far: every known endpoint (with a zero total when it got no call),
	 * {@code total} first, then the outcomes in alphabetical order.
	 * @return endpoint to outcome to count
	 */
	public Map<String, Map<String, Long>> snapshot() {
		Map<String, Map<String, Long>> snapshot = new LinkedHashMap<>();
		for (String endpoint : WeChatEndpointNames.ALL) {
			snapshot.put(endpoint, snapshotOf(this.counts.getOrDefault(endpoint, Map.of())));
		}
		this.counts.forEach((endpoint, byOutcome) -> snapshot.putIfAbsent(endpoint, snapshotOf(byOutcome)));
		return snapshot;
	}

	public void reset() {
		this.counts.clear();
	}

	private static Map<String, Long> snapshotOf(Map<String, LongAdder> byOutcome) {
		Map<String, Long> outcomes = new TreeMap<>();
		byOutcome.forEach((outcome, count) -> outcomes.put(outcome, count.sum()));
		Map<String, Long> snapshot = new LinkedHashMap<>();
		snapshot.put(TOTAL, outcomes.getOrDefault(TOTAL, 0L));
		outcomes.remove(TOTAL);
		snapshot.putAll(outcomes);
		return snapshot;
	}

}
