package io.floodgate.simulator.http;

/** {@code PUT /simulator/latency}: each answer takes {@code latencyMs} plus up to {@code jitterMs}. */
public record LatencyRequest(Long latencyMs, Long jitterMs) {
}
