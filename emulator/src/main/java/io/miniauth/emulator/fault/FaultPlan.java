package io.miniauth.emulator.fault;

import java.util.Map;

/**
 * What {@code PUT /emulator/faults} takes and {@code GET /emulator/faults} shows.
 *
 * @param seed the seed of the draws; the same seed and the same sequence of calls give
 * the same faults, endpoint by endpoint (a random one is chosen, and shown, when absent)
 * @param endpoints the faults per endpoint name
 */
public record FaultPlan(Long seed, Map<String, EndpointFaults> endpoints) {

}
