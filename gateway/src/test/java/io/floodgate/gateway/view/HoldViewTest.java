package io.floodgate.gateway.view;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HoldViewTest {
    private static final Instant EXPIRY = Instant.parse("2026-12-01T20:00:00Z");
    private static final Duration MINIMUM = Duration.ofSeconds(5);

    private final HoldView hold = HoldView.requested("h1", "demo", "alice", "floor", 2)
            .placed(List.of("A-1", "A-2"), 10_000, "EUR", EXPIRY);

    @Test
    void aHoldWithLessTimeLeftThanTheMinimumIsTooLateToCheckOut() {
        assertTrue(hold.outlives(EXPIRY.minus(MINIMUM), MINIMUM));
        assertFalse(hold.outlives(EXPIRY.minus(MINIMUM).plusMillis(1), MINIMUM));
        assertFalse(hold.outlives(EXPIRY, MINIMUM), "at 0:00 on the countdown");
    }
}
