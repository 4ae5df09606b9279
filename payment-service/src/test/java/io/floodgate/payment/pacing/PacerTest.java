package io.floodgate.payment.pacing;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PacerTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T20:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void callsAreSpacedEvenlyAtTheRate() {
        ManualClock clock = new ManualClock();
        Pacer pacer = new Pacer(clock, 100); // one every 600 ms

        assertEquals(Duration.ZERO, pacer.delay());
        pacer.started();
        assertEquals(Duration.ofMillis(600), pacer.delay());
        clock.advance(Duration.ofMillis(250));
        assertEquals(Duration.ofMillis(350), pacer.delay());
    }

    @Test
    void idleTimeIsNotBankedIntoABurst() {
        ManualClock clock = new ManualClock();
        Pacer pacer = new Pacer(clock, 60);
        pacer.started();

        clock.advance(Duration.ofMinutes(5));
        pacer.started();

        assertEquals(Duration.ofSeconds(1), pacer.delay());
    }

    @Test
    void aRateMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Pacer(Clock.systemUTC(), 0));
    }
}
