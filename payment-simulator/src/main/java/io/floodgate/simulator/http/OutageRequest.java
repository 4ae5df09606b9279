package io.floodgate.simulator.http;

/** {@code POST /simulator/outages}: the provider goes down in {@code startsInSeconds} for {@code durationSeconds}. */
public record OutageRequest(Long startsInSeconds, Long durationSeconds) {
}
