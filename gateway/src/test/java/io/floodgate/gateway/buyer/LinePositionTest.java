package io.floodgate.gateway.buyer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LinePositionTest {
    @Test
    void positionIsMySequenceLessTheServingCounter() {
        LinePosition p = LinePosition.of(1_250, 1_000, 50);

        assertEquals(250, p.position());
        assertEquals(249, p.ahead());
        assertEquals(5, p.waitEstimateSeconds());
    }

    @Test
    void theNextInLineIsAtPositionOne() {
        LinePosition p = LinePosition.of(1_001, 1_000, 50);

        assertEquals(1, p.position());
        assertEquals(0, p.ahead());
        assertEquals(1, p.waitEstimateSeconds());
        assertEquals(1_000, p.pollAfterMs());
    }

    @Test
    void farBackPollsLessOftenWithinABound() {
        assertEquals(10_000, LinePosition.of(1_000_000, 0, 10).pollAfterMs());
        assertEquals(2_500, LinePosition.of(100, 0, 10).pollAfterMs());
    }
}
