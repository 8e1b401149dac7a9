package io.miniauth.emulator.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.miniauth.emulator.fault.Faults.Decision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FaultsTests {

	@Test
	void decideWhenNoFaultsThenNothingInjected() {
		assertThat(new Faults().decide("token")).isEqualTo(Decision.NONE);
	}

	@Test
	void decideWhenOtherEndpointCalledInBetweenThenSequencePerEndpointUnchanged() {
		Faults alone = faults(42);
		Faults interleaved = faults(42);
		List<Decision> expected = new ArrayList<>();
		List<Decision> actual = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			expected.add(alone.decide("token"));
			interleaved.decide("jscode2session");
			actual.add(interleaved.decide("token"));
		}
		assertThat(actual).isEqualTo(expected);
	}

	@Test
	void decideWhenRatesSetThenSharesRoughlyMatch() {
		Faults faults = faults(3);
		Map<Decision.Kind, Integer> counts = new java.util.EnumMap<>(Decision.Kind.class);
		for (int i = 0; i < 10_000; i++) {
			Decision decision = faults.decide("token");
			counts.merge(decision.kind(), 1, Integer::sum);
			assertThat(decision.latencyMs()).isBetween(20L, 80L);
		}
		assertThat(counts.get(Decision.Kind.ERROR)).isBetween(1800, 2200);
		assertThat(counts.get(Decision.Kind.HANG)).isBetween(800, 1200);
		assertThat(counts.get(Decision.Kind.DROP)).isBetween(800, 1200);
	}

	@Test
	void applyWhenNoSeedThenRandomSeedShown() {
		FaultPlan applied = new Faults().apply(new FaultPlan(null, Map.of()));
		assertThat(applied.seed()).isNotNull().isBetween(0L, 1L << 53);
	}

	@Test
	void applyWhenEndpointUnknownThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Faults()
			.apply(new FaultPlan(1L, Map.of("nosuch", new EndpointFaults(null, null, 0.5, null, null, null)))));
	}

	private static Faults faults(long seed) {
		Faults faults = new Faults();
		EndpointFaults rates = new EndpointFaults(new Latency(20, 80), 45011, 0.2, 0.1, 0.1, 10L);
		faults.apply(new FaultPlan(seed, Map.of("token", rates, "jscode2session", rates)));
		return faults;
	}

}
