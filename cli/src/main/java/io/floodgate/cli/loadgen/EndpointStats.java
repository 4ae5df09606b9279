package io.floodgate.cli.loadgen;

import io.floodgate.cli.bench.Percentile;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Latencies and errors of one endpoint, recorded from many threads. */
final class EndpointStats {
    private long[] micros = new long[1 << 12];
    private int count;
    private final Map<String, Long> errors = new TreeMap<>();

    synchronized void ok(long latencyMicros) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, count * 2);
        }
        micros[count++] = latencyMicros;
    }

    synchronized void error(String kind) {
        errors.merge(kind, 1L, Long::sum);
    }

    synchronized long answered() {
        return count;
    }

    /** A report line's figures: answered requests, percentiles in ms, errors by kind. */
    synchronized Figures figures(double seconds) {
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        return new Figures(count, count / Math.max(seconds, 1e-9), ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                new TreeMap<>(errors));
    }

    private static double ms(long[] sortedMicros, double p) {
        return Percentile.of(sortedMicros, p) / 1000.0;
    }

    /** One endpoint's figures over a run. */
    record Figures(long answered, double perSecond, double p50Ms, double p95Ms, double p99Ms, Map<String, Long> errors) {
    }
}
