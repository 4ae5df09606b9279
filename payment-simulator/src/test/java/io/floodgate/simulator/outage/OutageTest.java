package io.floodgate.simulator.outage;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutageTest {
    @Test
    void anOutageCoversItsWindowOnly() {
        OutageSchedule schedule = new OutageSchedule(List.of(Outage.parse("2026-11-22T20:00:00Z/PT2M")));

        assertFalse(schedule.at(Instant.parse("2026-11-22T19:59:59Z")).isPresent());
        assertTrue(schedule.at(Instant.parse("2026-11-22T20:01:59Z")).isPresent());
        assertFalse(schedule.at(Instant.parse("2026-11-22T20:02:00Z")).isPresent());
    }

    @Test
    void aMalformedWindowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Outage.parse("2026-11-22T20:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> Outage.parse("2026-11-22T20:00:00Z/-PT1M"));
    }
}
