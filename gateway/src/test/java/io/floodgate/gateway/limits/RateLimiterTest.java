package io.floodgate.gateway.limits;

import io.floodgate.gateway.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {
    @Test
    void aBurstThenTheSustainedRateThenARetryAfter() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-22T20:00:00Z"));
        RateLimiter limiter = new RateLimiter(clock, 2, 4);

        for (int i = 0; i < 4; i++) {
            assertEquals(Optional.empty(), limiter.acquire("ip-1"), "burst " + i);
        }
        assertEquals(Optional.of(Duration.ofMillis(500)), limiter.acquire("ip-1"));
        assertEquals(Optional.empty(), limiter.acquire("ip-2"), "keys are independent");

        clock.advance(Duration.ofMillis(500));
        assertEquals(Optional.empty(), limiter.acquire("ip-1"));
        assertTrue(limiter.acquire("ip-1").isPresent());
    }

    @Test
    void aBucketThatHasFilledUpAgainIsForgottenSoTheMapShrinks() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-22T20:00:00Z"));
        RateLimiter limiter = new RateLimiter(clock, 2, 4); // full again 2 s after its last use
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire("ip-" + i);
        }
        assertEquals(1_000, limiter.size());

        clock.advance(Duration.ofSeconds(2));
        limiter.acquire("ip-new");
        assertEquals(1, limiter.size(), "only the key seen since is remembered");
    }

    @Test
    void aBucketStillRefillingIsKeptSoItsLimitHolds() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-22T20:00:00Z"));
        RateLimiter limiter = new RateLimiter(clock, 2, 4);
        for (int i = 0; i < 4; i++) {
            limiter.acquire("ip-1");
        }
        clock.advance(Duration.ofMillis(1_500)); // 3 tokens back, not 4: not forgotten
        limiter.acquire("ip-2");
        assertEquals(2, limiter.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limiter.acquire("ip-1"));
        }
        assertTrue(limiter.acquire("ip-1").isPresent());
    }
}
