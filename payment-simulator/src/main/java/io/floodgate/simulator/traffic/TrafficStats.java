package io.floodgate.simulator.traffic;

import java.time.Instant;

/**
 * @param requests        requests that reached the provider
 * @param refused         of those, refused because the provider was down
 * @param mostInAnyMinute the most requests in any 60-second window: the figure to hold against a per-minute rate
 * @param mostInAnyTenSeconds the most requests in any 10-second window
 * @param mostInAnySecond the most requests in any 1-second window (network jitter shows most here)
 * @param smallestGapMs   the shortest time between two consecutive requests
 */
public record TrafficStats(long requests, long refused, long mostInAnyMinute, long mostInAnyTenSeconds,
                           long mostInAnySecond,
                           Double smallestGapMs, Instant first, Instant last) {
}
