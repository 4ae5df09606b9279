package io.floodgate.simulator.traffic;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrafficLogTest {
    private static final long MS = 1_000_000L;

    @Test
    void windowsAreHalfOpen() {
        long[] evenlySpaced = new long[21];
        for (int i = 0; i < evenlySpaced.length; i++) {
            evenlySpaced[i] = i * 100 * MS;
        }
        // 0, 100, ..., 2000 ms: any [t, t + 1 s) holds ten of them, not eleven.
        assertEquals(10, TrafficLog.mostWithin(evenlySpaced, Duration.ofSeconds(1)));
    }

    @Test
    void aBurstIsCounted() {
        long[] burst = {0, 1 * MS, 2 * MS, 999 * MS, 5_000 * MS};
        assertEquals(4, TrafficLog.mostWithin(burst, Duration.ofSeconds(1)));
    }

    @Test
    void statsAreKeptPerSale() {
        TrafficLog log = new TrafficLog();
        Instant now = Instant.parse("2026-11-22T20:00:00Z");
        log.record(new TrafficLog.Arrival(0, now, "a", false));
        log.record(new TrafficLog.Arrival(10 * MS, now, "b", true));
        log.record(new TrafficLog.Arrival(30 * MS, now, "a", false));

        TrafficStats a = log.stats("a");
        assertEquals(2, a.requests());
        assertEquals(0, a.refused());
        assertEquals(30.0, a.smallestGapMs());
        assertEquals(1, log.stats("b").refused());
        assertEquals(3, log.stats(null).requests());
    }
}
