package io.floodgate.simulator.outage;

import java.time.Duration;
import java.time.Instant;

/** A window during which the provider answers every request with 503. */
public record Outage(Instant start, Instant end) {
    public Outage {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an outage must end after it starts");
        }
    }

    /** Parses ISO-8601 {@code start/duration}, e.g. {@code 2026-11-22T20:00:00Z/PT2M}. */
    public static Outage parse(String interval) {
        String[] parts = interval.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("an outage is start/duration, e.g. 2026-11-22T20:00:00Z/PT2M; was "
                    + interval);
        }
        Instant start = Instant.parse(parts[0].trim());
        return new Outage(start, start.plus(Duration.parse(parts[1].trim())));
    }

    public boolean covers(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
