package io.floodgate.payment.pacing;

import io.floodgate.payment.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacerTest {
    @Test
    void callsAreSpacedEvenlyAtTheRate() {
        ManualClock clock = new ManualClock();
        Pacer pacer = new Pacer(clock, 100, 0); // one every 600 ms

        assertEquals(Duration.ZERO, pacer.tryStart());
        assertEquals(Duration.ofMillis(600), pacer.tryStart());
        clock.advance(Duration.ofMillis(250));
        assertEquals(Duration.ofMillis(350), pacer.tryStart());
        clock.advance(Duration.ofMillis(350));
        assertEquals(Duration.ZERO, pacer.tryStart());
    }

    @Test
    void idleTimeIsNotBankedIntoABurst() {
        ManualClock clock = new ManualClock();
        Pacer pacer = new Pacer(clock, 60, 0);
        pacer.tryStart();

        clock.advance(Duration.ofMinutes(5));
        assertEquals(Duration.ZERO, pacer.tryStart());
        assertEquals(Duration.ofSeconds(1), pacer.tryStart());
    }

    @Test
    void theMarginAndAShareSlowThePace() {
        Pacer pacer = new Pacer(new ManualClock(), 600, 0.5);
        assertEquals(Optional.of(Duration.ofMillis(200)), pacer.interval());

        pacer.share(0.5);
        assertEquals(Optional.of(Duration.ofMillis(400)), pacer.interval());
    }

    @Test
    void anInstanceWithNoShareMakesNoCalls() {
        Pacer pacer = new Pacer(new ManualClock(), 600, 0);
        pacer.share(0);

        assertEquals(Optional.empty(), pacer.interval());
        assertTrue(pacer.tryStart().compareTo(Duration.ZERO) > 0);
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Pacer(Clock.systemUTC(), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Pacer(Clock.systemUTC(), 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new Pacer(Clock.systemUTC(), 10, 0).share(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new Pacer(Clock.systemUTC(), 10, 0).share(1.1));
    }
}
