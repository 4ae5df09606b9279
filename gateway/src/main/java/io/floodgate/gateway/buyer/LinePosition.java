package io.floodgate.gateway.buyer;

/**
 * Where a buyer stands, from nothing but their sequence and the sale's serving counter: no
 * per-buyer lookup, so any number of buyers can poll.
 */
public record LinePosition(long position, long ahead, Long waitEstimateSeconds, long pollAfterMs) {
    private static final long MIN_POLL_MS = 1_000;
    private static final long MAX_POLL_MS = 10_000;

    /**
     * @param admissionsPerSecond the rate admissions are achieving (before any, the configured rate);
     *                            zero while they are stalled, when no honest estimate exists
     */
    public static LinePosition of(long sequence, long admittedThrough, double admissionsPerSecond) {
        long ahead = Math.max(0, sequence - admittedThrough - 1);
        long position = ahead + 1;
        if (admissionsPerSecond <= 0) {
            return new LinePosition(position, ahead, null, MAX_POLL_MS);
        }
        long estimate = (long) Math.ceil(position / admissionsPerSecond);
        // Poll about four times over the expected wait, within bounds: near the front, often.
        long poll = Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, estimate * 1000 / 4));
        return new LinePosition(position, ahead, estimate, poll);
    }
}
