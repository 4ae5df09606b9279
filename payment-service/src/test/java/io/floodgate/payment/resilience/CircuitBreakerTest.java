package io.floodgate.payment.resilience;

import io.floodgate.payment.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CircuitBreakerTest {
    private final ManualClock clock = new ManualClock();
    private final List<String> told = new ArrayList<>();
    private final CircuitBreaker circuit = new CircuitBreaker(clock, 3, Duration.ofSeconds(2), Duration.ofSeconds(5),
            new CircuitBreaker.Listener() {
                @Override
                public void opened(String reason, Instant since) {
                    told.add("opened: " + reason);
                }

                @Override
                public void closed(Duration unavailableFor) {
                    told.add("closed after " + unavailableFor.toSeconds() + "s");
                }
            });

    @Test
    void opensAfterFailuresInARowAndLetsNothingThroughUntilItsProbe() {
        circuit.failed("a");
        circuit.succeeded(); // the count starts again
        circuit.failed("b");
        circuit.failed("c");
        assertEquals(CircuitBreaker.State.CLOSED, circuit.state());
        circuit.failed("d");

        assertEquals(CircuitBreaker.State.OPEN, circuit.state());
        // The first answer is announced once (an instance may start after others said "unavailable").
        assertEquals(List.of("closed after 0s", "opened: d"), told);
        assertEquals(Duration.ofSeconds(2), circuit.tryAcquire());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Duration.ZERO, circuit.untilNextCall());
        assertEquals(Duration.ZERO, circuit.tryAcquire()); // the probe
        assertEquals(CircuitBreaker.State.HALF_OPEN, circuit.state());
        assertEquals(Duration.ofMillis(100), circuit.tryAcquire()); // only one probe at a time
    }

    @Test
    void aFailedProbeWaitsLongerEachTimeUpToTheMaximum() {
        for (int i = 0; i < 3; i++) {
            circuit.failed("down");
        }
        clock.advance(Duration.ofSeconds(2));
        circuit.tryAcquire();
        circuit.failed("still down");
        assertEquals(Duration.ofSeconds(4), circuit.tryAcquire());
        clock.advance(Duration.ofSeconds(4));
        circuit.tryAcquire();
        circuit.failed("still down");
        assertEquals(Duration.ofSeconds(5), circuit.tryAcquire());
        assertEquals(List.of("opened: down", "opened: still down", "opened: still down"), told);
    }

    @Test
    void aSuccessfulProbeClosesItAndSaysHowLongTheProviderWasAway() {
        for (int i = 0; i < 3; i++) {
            circuit.failed("down");
        }
        clock.advance(Duration.ofSeconds(10));
        circuit.tryAcquire();
        circuit.succeeded();

        assertEquals(CircuitBreaker.State.CLOSED, circuit.state());
        assertEquals(Duration.ZERO, circuit.tryAcquire());
        assertEquals(List.of("opened: down", "closed after 10s"), told);
    }
}
