package io.floodgate.payment.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Spaces calls evenly at a sustainable rate: a call may start no sooner than one interval after
 * the previous one. Even spacing, not bursts, is what keeps a provider out of saturation. Idle
 * time is not banked into a burst. Shared by every thread that calls the provider.
 */
public final class Pacer {
    /** How long an instance with no share waits before it looks again. */
    private static final Duration IDLE = Duration.ofSeconds(1);

    private final Clock clock;
    private final Duration fullInterval;
    /** Null while this instance has no share: it makes no calls. */
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
     * instances, each paces at its share and together they never exceed the rate. An instance
     * that owns none has share 0 and makes no calls.
     */
    public synchronized void share(double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("a share is within [0, 1], was " + fraction);
        }
        interval = fraction == 0 ? null : Duration.ofNanos((long) Math.ceil(fullInterval.toNanos() / fraction));
    }

    /** Starts a call now if its slot has come (returns zero); else returns how long until it has. */
    public synchronized Duration tryStart() {
        Instant now = clock.instant();
        if (interval == null) {
            return IDLE;
        }
        if (now.isBefore(next)) {
            return Duration.between(now, next);
        }
        next = now.plus(interval);
        return Duration.ZERO;
    }

    /** Like {@link #tryStart} but takes nothing: zero if a call could start now. */
    public synchronized Duration untilNext() {
        if (interval == null) {
            return IDLE;
        }
        Duration wait = Duration.between(clock.instant(), next);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** The time between call starts, or empty while this instance has no share. */
    public synchronized Optional<Duration> interval() {
        return Optional.ofNullable(interval);
    }
}
