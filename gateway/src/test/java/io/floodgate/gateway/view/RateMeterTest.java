package io.floodgate.gateway.view;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateMeterTest {
    private static final Instant NOW = Instant.parse("2026-11-22T20:00:00Z");

    @Test
    void countsTheLastTenWholeSeconds() {
        RateMeter meter = new RateMeter();
        for (int second = 20; second >= 1; second--) { // in time order, as events arrive
            for (int i = 0; i < second; i++) {
                meter.record(NOW.minusSeconds(second));
            }
        }
        meter.record(NOW); // the current second is not whole yet

        assertEquals((1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10) / 10.0, meter.perSecond(NOW));
    }

    @Test
    void quietMeansZero() {
        RateMeter meter = new RateMeter();
        meter.record(NOW.minusSeconds(60));

        assertEquals(0.0, meter.perSecond(NOW));
    }
}
