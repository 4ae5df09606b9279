package io.floodgate.gateway.view;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts events per second over a sliding window of the last {@value #WINDOW_SECONDS} whole
 * seconds: the admission rate actually achieved, which is what wait estimates should use.
 * One writer (the view thread), any number of readers.
 */
public final class RateMeter {
    static final int WINDOW_SECONDS = 10;
    private static final int SLOTS = WINDOW_SECONDS + 2;

    private final AtomicLongArray counts = new AtomicLongArray(SLOTS);
    private final AtomicLongArray seconds = new AtomicLongArray(SLOTS);

    public void record(Instant at) {
        long second = at.getEpochSecond();
        int slot = (int) Math.floorMod(second, (long) SLOTS);
        if (seconds.get(slot) != second) {
            seconds.set(slot, second);
            counts.set(slot, 0);
        }
        counts.incrementAndGet(slot);
    }

    /** Events per second over the last whole seconds before {@code now}. */
    public double perSecond(Instant now) {
        long current = now.getEpochSecond();
        long total = 0;
        for (int i = 0; i < SLOTS; i++) {
            long age = current - seconds.get(i);
            if (age >= 1 && age <= WINDOW_SECONDS) {
                total += counts.get(i);
            }
        }
        return total / (double) WINDOW_SECONDS;
    }
}
