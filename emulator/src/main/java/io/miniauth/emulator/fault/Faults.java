package io.miniauth.emulator.fault;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import io.miniauth.emulator.api.WeChatEndpointNames;

import org.springframework.util.Assert;

/**
 * The faults currently injected into WeChat's endpoints, and the seeded draws that decide
 * each call's fate. Each endpoint has its own random sequence derived from the seed, so
 * the outcome of an endpoint's n-th call does not depend on calls to other endpoints.
 */
public final class Faults {

	private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

	private final SecureRandom seeds = new SecureRandom();

	private volatile Plan plan = new Plan(null, Map.of());

	/**
	 * Replaces the current faults.
	 * @param requested the new faults
	 * @return the faults now in force, with every default filled in
	 * @throws IllegalArgumentException when the plan names an unknown endpoint or a value
	 * is out of range
	 */
	public synchronized FaultPlan apply(FaultPlan requested) {
		Assert.notNull(requested, "requested cannot be null");
		long seed = (requested.seed() != null) ? requested.seed() : randomSeed();
		Map<String, EndpointState> states = new LinkedHashMap<>();
		Map<String, EndpointFaults> endpoints = (requested.endpoints() != null) ? requested.endpoints() : Map.of();
		endpoints.forEach((name, faults) -> {
			if (!WeChatEndpointNames.ALL.contains(name)) {
				throw new IllegalArgumentException(
						"Unknown endpoint " + name + "; the endpoints are " + WeChatEndpointNames.ALL);
			}
			EndpointFaults normalized = ((faults != null) ? faults
					: new EndpointFaults(null, null, null, null, null, null))
				.normalized(name);
			states.put(name,
					new EndpointState(normalized, new SplittableRandom(seed + name.hashCode() * GOLDEN_GAMMA)));
		});
		this.plan = new Plan(seed, states);
		return current();
	}

	/**
	 * A seed that JavaScript clients can read back exactly (below 2^53).
	 */
	private long randomSeed() {
		return this.seeds.nextLong() >>> (Long.SIZE - 53);
	}

	public synchronized void clear() {
		this.plan = new Plan(null, Map.of());
	}

	public FaultPlan current() {
		Plan current = this.plan;
		Map<String, EndpointFaults> endpoints = new LinkedHashMap<>();
		current.endpoints().forEach((name, state) -> endpoints.put(name, state.faults()));
		return new FaultPlan(current.seed(), endpoints);
	}

	/**
	 * Decides what happens to one call of an endpoint.
	 * @param endpoint the endpoint's name
	 * @return the call's fate
	 */
	public Decision decide(String endpoint) {
		EndpointState state = this.plan.endpoints().get(endpoint);
		return (state != null) ? state.next() : Decision.NONE;
	}

	private record Plan(Long seed, Map<String, EndpointState> endpoints) {
	}

	private record EndpointState(EndpointFaults faults, SplittableRandom random) {

		Decision next() {
			double latencyDraw;
			double roll;
			synchronized (this.random) {
				latencyDraw = this.random.nextDouble();
				roll = this.random.nextDouble();
			}
			long latency = this.faults.latencyMs().pick(latencyDraw);
			if (roll < this.faults.dropRate()) {
				return new Decision(latency, Decision.Kind.DROP, 0, 0);
			}
			if (roll < this.faults.dropRate() + this.faults.hangRate()) {
				return new Decision(latency, Decision.Kind.HANG, 0, this.faults.hangMs());
			}
			if (roll < this.faults.dropRate() + this.faults.hangRate() + this.faults.errorRate()) {
				return new Decision(latency, Decision.Kind.ERROR, this.faults.errcode(), 0);
			}
			return new Decision(latency, Decision.Kind.NONE, 0, 0);
		}

	}

	/**
	 * One call's fate.
	 *
	 * @param latencyMs delay before anything else happens
	 * @param kind what happens then
	 * @param errcode the errcode to answer, for {@link Kind#ERROR}
	 * @param hangMs how long to wait, for {@link Kind#HANG}
	 */
	public record Decision(long latencyMs, Kind kind, int errcode, long hangMs) {

		/** Nothing injected. */
		public static final Decision NONE = new Decision(0, Kind.NONE, 0, 0);

		/** What happens to a call after its latency. */
		public enum Kind {

			/** Answered normally. */
			NONE,

			/** Answered with the errcode, the endpoint untouched. */
			ERROR,

			/** Waits, then answered normally. */
			HANG,

			/** The connection is cut mid-response, the endpoint untouched. */
			DROP

		}

	}

}
