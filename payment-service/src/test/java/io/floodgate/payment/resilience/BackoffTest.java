package io.floodgate.payment.resilience;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {
    @Test
    void doublesUpToTheMaximumAndJitterOnlyShortens() {
        Backoff none = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 0);
        assertEquals(Duration.ofMillis(500), none.delay(1));
        assertEquals(Duration.ofSeconds(1), none.delay(2));
        assertEquals(Duration.ofSeconds(4), none.delay(4));
        assertEquals(Duration.ofSeconds(30), none.delay(40));

        Backoff most = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 1);
        assertEquals(Duration.ofMillis(400), most.delay(1));
    }
}
