package io.floodgate.payment.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces calls evenly at a sustainable rate: each call may start no sooner than one interval
 * after the previous one. Even spacing, not bursts, is what keeps a provider out of saturation.
 */
public final class Pacer {
    private final Clock clock;
    private final Duration interval;
    private Instant next;

    public Pacer(Clock clock, int perMinute) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("rate must be positive, was " + perMinute);
        }
        this.clock = clock;
        this.interval = Duration.ofNanos(Duration.ofMinutes(1).toNanos() / perMinute);
        this.next = clock.instant();
    }

    /** How long to wait before the next call may start; zero when it may start now. */
    public synchronized Duration delay() {
        Duration wait = Duration.between(clock.instant(), next);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** Records that a call starts now (or at its slot, if it started early). */
    public synchronized void started() {
        Instant now = clock.instant();
        next = (now.isAfter(next) ? now : next).plus(interval);
    }

    /** Blocks until a call may start, then records it. */
    public void acquire() throws InterruptedException {
        Duration wait = delay();
        if (!wait.isZero()) {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        }
        started();
    }
}
