package io.miniauth.emulator.fault;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An added delay: fixed ({@code 50} in JSON) or drawn uniformly from a range
 * ({@code [20, 80]}), in milliseconds.
 *
 * @param minMs the shortest delay
 * @param maxMs the longest delay
 */
public record Latency(long minMs, long maxMs) {

	/** No delay. */
	public static final Latency NONE = new Latency(0, 0);

	public Latency {
		if (minMs < 0 || maxMs < minMs) {
			throw new IllegalArgumentException("latencyMs must be a number or a range [min, max] with 0 <= min <= max");
		}
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static Latency fromJson(Object value) {
		if (value instanceof Number number) {
			return new Latency(number.longValue(), number.longValue());
		}
		if (value instanceof List<?> range && range.size() == 2 && range.get(0) instanceof Number min
				&& range.get(1) instanceof Number max) {
			return new Latency(min.longValue(), max.longValue());
		}
		throw new IllegalArgumentException("latencyMs must be a number or a range [min, max]");
	}

	/**
	 * The delay for a draw in {@code [0, 1)}.
	 * @param draw the draw
	 * @return the delay in milliseconds
	 */
	long pick(double draw) {
		return Math.min(this.maxMs, this.minMs + (long) Math.floor(draw * (this.maxMs - this.minMs + 1)));
	}

	@JsonValue
	Object toJson() {
		return (this.minMs == this.maxMs) ? (Object) this.minMs : List.of(this.minMs, this.maxMs);
	}

}
