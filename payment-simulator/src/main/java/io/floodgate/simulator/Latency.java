package io.floodgate.simulator;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** How long answers take; starts from the settings and can be changed while running. */
@Singleton
public final class Latency {
    private volatile Duration base;
    private volatile Duration jitter;

    public Latency(SimulatorSettings settings) {
        set(settings.latency(), settings.latencyJitter());
    }

    public void set(Duration newBase, Duration newJitter) {
        if (newBase.isNegative() || newJitter.isNegative()) {
            throw new IllegalArgumentException("latency and jitter cannot be negative");
        }
        this.base = newBase;
        this.jitter = newJitter;
    }

    /** One answer's delay: the base plus up to the jitter, at random. */
    public Duration next() {
        long j = jitter.toMillis();
        return base.plusMillis(j <= 0 ? 0 : ThreadLocalRandom.current().nextLong(j + 1));
    }
}
