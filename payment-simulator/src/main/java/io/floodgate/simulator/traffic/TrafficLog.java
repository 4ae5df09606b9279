package io.floodgate.simulator.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When each request reached the provider, so a test can check, at the provider itself, that
 * nobody sent more than the sustainable rate.
 */
public final class TrafficLog {
    private final List<Arrival> arrivals = new ArrayList<>();

    /** One request as it arrived; {@code nanos} is a monotonic time, for exact spacing. */
    public record Arrival(long nanos, Instant at, String saleId, boolean refused) {
    }

    public synchronized void record(Arrival arrival) {
        arrivals.add(arrival);
    }

    /** What the provider saw from one sale, or from all when {@code saleId} is null. */
    public synchronized TrafficStats stats(String saleId) {
        List<Arrival> seen = arrivals.stream().filter(a -> saleId == null || saleId.equals(a.saleId())).toList();
        long[] nanos = seen.stream().mapToLong(Arrival::nanos).sorted().toArray();
        return new TrafficStats(seen.size(), seen.stream().filter(Arrival::refused).count(),
                mostWithin(nanos, Duration.ofMinutes(1)), mostWithin(nanos, Duration.ofSeconds(10)),
                mostWithin(nanos, Duration.ofSeconds(1)),
                smallestGapMillis(nanos), seen.isEmpty() ? null : seen.get(0).at(),
                seen.isEmpty() ? null : seen.get(seen.size() - 1).at());
    }

    /** The most arrivals in any half-open window [t, t + window). */
    static long mostWithin(long[] sortedNanos, Duration window) {
        long most = 0;
        int start = 0;
        for (int end = 0; end < sortedNanos.length; end++) {
            while (sortedNanos[end] - sortedNanos[start] >= window.toNanos()) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }

    private static Double smallestGapMillis(long[] sortedNanos) {
        if (sortedNanos.length < 2) {
            return null;
        }
        long smallest = Long.MAX_VALUE;
        for (int i = 1; i < sortedNanos.length; i++) {
            smallest = Math.min(smallest, sortedNanos[i] - sortedNanos[i - 1]);
        }
        return smallest / 1e6;
    }
}
