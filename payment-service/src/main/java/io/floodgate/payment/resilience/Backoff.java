package io.floodgate.payment.resilience;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: attempt n waits about {@code base * 2^(n-1)}, at most
 * {@code max}, shortened by up to a fifth at random so retries do not arrive in step.
 */
public final class Backoff {
    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration base, Duration max, DoubleSupplier random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The wait before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
        long nanos = Math.min(max.toNanos(), base.toNanos() * factor);
        return Duration.ofNanos((long) (nanos * (1 - 0.2 * random.getAsDouble())));
    }
}
