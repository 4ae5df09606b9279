package io.floodgate.gateway.limits;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T20:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void aBurstThenTheSustainedRateThenARetryAfter() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(clock, 2, 4, 100);

        for (int i = 0; i < 4; i++) {
            assertEquals(Optional.empty(), limiter.acquire("ip-1"), "burst " + i);
        }
        assertEquals(Optional.of(Duration.ofMillis(500)), limiter.acquire("ip-1"));
        assertEquals(Optional.empty(), limiter.acquire("ip-2"), "keys are independent");

        clock.now = clock.now.plusMillis(500);
        assertEquals(Optional.empty(), limiter.acquire("ip-1"));
        assertTrue(limiter.acquire("ip-1").isPresent());
    }
}
