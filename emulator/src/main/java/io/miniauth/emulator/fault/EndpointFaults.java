package io.miniauth.emulator.fault;

/**
 * The faults injected into one WeChat endpoint. The three rates are shares of calls and
 * are disjoint: a call is dropped, hangs, gets the error, or is answered normally.
 *
 * @param latencyMs delay added before every call of the endpoint
 * @param errcode the errcode answered for the {@code errorRate} share (-1 by default)
 * @param errorRate share of calls answered with {@code errcode} (HTTP 200, WeChat's error
 * body), without the call reaching the endpoint
 * @param hangRate share of calls that wait {@code hangMs} before being answered normally
 * @param dropRate share of calls whose connection is cut mid-response
 * @param hangMs how long a hanging call waits (30000 by default)
 */
public record EndpointFaults(Latency latencyMs, Integer errcode, Double errorRate, Double hangRate, Double dropRate,
		Long hangMs) {

	/** How long a hanging call waits unless told otherwise. */
	public static final long DEFAULT_HANG_MS = 30_000;

	/** The longest hang or latency accepted, so that a test cannot wedge the server. */
	public static final long MAX_WAIT_MS = 120_000;

	/**
	 * This configuration with every default filled in, checked.
	 * @param endpoint the endpoint's name, for messages
	 * @return the complete configuration
	 * @throws IllegalArgumentException when a value is out of range
	 */
	EndpointFaults normalized(String endpoint) {
		Latency latency = (this.latencyMs != null) ? this.latencyMs : Latency.NONE;
		int code = (this.errcode != null) ? this.errcode : -1;
		double error = rate(endpoint, "errorRate", this.errorRate);
		double hang = rate(endpoint, "hangRate", this.hangRate);
		double drop = rate(endpoint, "dropRate", this.dropRate);
		long hangFor = (this.hangMs != null) ? this.hangMs : DEFAULT_HANG_MS;
		check(code != 0, endpoint + ".errcode cannot be 0 (that is success)");
		check(error + hang + drop <= 1.0, endpoint + ": errorRate + hangRate + dropRate cannot exceed 1");
		check(hangFor >= 0 && hangFor <= MAX_WAIT_MS, endpoint + ".hangMs must be between 0 and " + MAX_WAIT_MS);
		check(latency.maxMs() <= MAX_WAIT_MS, endpoint + ".latencyMs cannot exceed " + MAX_WAIT_MS);
		return new EndpointFaults(latency, code, error, hang, drop, hangFor);
	}

	private static double rate(String endpoint, String name, Double value) {
		double rate = (value != null) ? value : 0.0;
		check(rate >= 0.0 && rate <= 1.0, endpoint + "." + name + " must be between 0 and 1");
		return rate;
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
