package io.floodgate.payment.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces calls evenly at a sustainable rate: a call may start no sooner than one interval after
 * the previous one. Even spacing, not bursts, is what keeps a provider out of saturation. Idle
 * time is not banked into a burst. Shared by every thread that calls the provider.
 */
public final class Pacer {
    private final Clock clock;
    private final Duration fullInterval;
    private Duration interval;
    private Instant next;

    /**
     * @param perMinute the sustainable rate
     * @param margin    share of the rate left unused (0 to 1), so that jitter on the way to the
     *                  provider cannot make its own count exceed the rate
     */
    public Pacer(Clock clock, int perMinute, double margin) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("rate must be positive, was " + perMinute);
        }
        if (margin < 0 || margin >= 1) {
            throw new IllegalArgumentException("margin must be within [0, 1), was " + margin);
        }
        this.clock = clock;
        this.fullInterval = Duration.ofNanos((long) Math.ceil(Duration.ofMinutes(1).toNanos() / (perMinute * (1 - margin))));
        this.interval = fullInterval;
        this.next = clock.instant();
    }

    /**
     * Takes this instance's share of the rate: with the rate's partitions spread over several
     * instances, each paces at its share and together they never exceed the rate.
     */
    public synchronized void share(double fraction) {
        if (fraction <= 0 || fraction > 1) {
            throw new IllegalArgumentException("a share is within (0, 1], was " + fraction);
        }
        interval = Duration.ofNanos((long) Math.ceil(fullInterval.toNanos() / fraction));
    }

    /** Starts a call now if its slot has come (returns zero); else returns how long until it has. */
    public synchronized Duration tryStart() {
        Instant now = clock.instant();
        if (now.isBefore(next)) {
            return Duration.between(now, next);
        }
        next = now.plus(interval);
        return Duration.ZERO;
    }

    /** Like {@link #tryStart} but takes nothing: zero if a call could start now. */
    public synchronized Duration untilNext() {
        Duration wait = Duration.between(clock.instant(), next);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    public synchronized Duration interval() {
        return interval;
    }
}
