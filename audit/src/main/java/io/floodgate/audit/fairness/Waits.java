package io.floodgate.audit.fairness;

import java.util.Arrays;

/**
 * How long admitted buyers waited in line: from their arrival, or from the opening for those who
 * came before it, to their admission. Nearest-rank percentiles, so every figure is a wait someone had.
 */
public record Waits(long admitted, long p50Ms, long p90Ms, long p99Ms, long maxMs) {
    public static Waits of(long[] waitsMs) {
        long[] sorted = waitsMs.clone();
        Arrays.sort(sorted);
        return new Waits(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    static long rank(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
