package io.floodgate.cli.bench;

/** Nearest-rank percentiles, the one rule every benchmark and the load generator report by. */
public final class Percentile {
    private Percentile() {
    }

    /** The value at percentile {@code p} (0..1) of {@code sorted}, a value someone really had; 0 when empty. */
    public static long of(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
