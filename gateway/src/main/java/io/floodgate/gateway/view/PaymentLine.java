package io.floodgate.gateway.view;

import io.floodgate.contracts.provider.ProviderEvent;
import io.floodgate.contracts.provider.ProviderRecovered;
import io.floodgate.contracts.provider.ProviderUnavailable;

import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The line in front of the payment provider, which every sale shares: payments are taken in
 * checkout order at the provider's pace, so a buyer's place is how many checkouts before theirs
 * have not finished. Exact while payments finish in order; a few calls in flight at once can
 * make it briefly optimistic by that many. One writer (the view thread), any number of readers.
 */
public final class PaymentLine {
    private final AtomicLong joined = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();
    private final RateMeter pace = new RateMeter();
    private final Map<String, ProviderUnavailable> unavailable = new ConcurrentHashMap<>();
    /** Checkouts in the line: when each joined, to time it when it finishes. */
    private final Map<String, Instant> joinedAt = new ConcurrentHashMap<>();
    /** Payments finished in the last {@link #RECENT}, newest last. */
    private final Deque<Finish> recent = new ConcurrentLinkedDeque<>();

    static final Duration RECENT = Duration.ofMinutes(1);

    private record Finish(Instant at, long millis, boolean paid) {
    }

    /**
     * Payments finished in the last minute: how many, how many were paid (not declined or
     * refused), and how long they took from checkout to outcome, line included (p50, p99).
     */
    public record Recent(int finished, int paid, Long p50Millis, Long p99Millis) {
    }

    /** How long a buyer waits for the provider: payments ahead, and seconds at the measured pace. */
    public record Wait(long ahead, Long estimateSeconds) {
    }

    /** A checkout joins the line; returns its place. */
    long join(String holdId, Instant at) {
        joinedAt.put(holdId, at);
        return joined.getAndIncrement();
    }

    void finished(String holdId, Instant at, boolean paid) {
        finished.incrementAndGet();
        pace.record(at);
        Instant start = joinedAt.remove(holdId);
        if (start != null) {
            recent.addLast(new Finish(at, Duration.between(start, at).toMillis(), paid));
        }
        Instant horizon = at.minus(RECENT);
        while (!recent.isEmpty() && recent.peekFirst().at().isBefore(horizon)) {
            recent.pollFirst();
        }
    }

    public Recent recent(Instant now) {
        Instant horizon = now.minus(RECENT);
        List<Finish> last = recent.stream().filter(f -> !f.at().isBefore(horizon)).toList();
        long[] millis = last.stream().mapToLong(Finish::millis).sorted().toArray();
        return new Recent(last.size(), (int) last.stream().filter(Finish::paid).count(),
                millis.length == 0 ? null : millis[(millis.length - 1) / 2],
                millis.length == 0 ? null : millis[(int) Math.ceil(millis.length * 0.99) - 1]);
    }

    void apply(ProviderEvent event) {
        if (event instanceof ProviderUnavailable down) {
            unavailable.put(down.provider(), down);
        } else if (event instanceof ProviderRecovered recovered) {
            unavailable.remove(recovered.provider());
        }
    }

    /** Whether the provider is not answering: payments wait, and holds in payment are kept. */
    public boolean delayed() {
        return !unavailable.isEmpty();
    }

    /** Checkouts not yet finished: the length of the line. */
    public long waiting() {
        return joined.get() - finished.get();
    }

    public long finishedSoFar() {
        return finished.get();
    }

    public Wait waitFor(long place, Instant now) {
        long ahead = Math.max(0, place - finished.get());
        double perSecond = pace.perSecond(now);
        return new Wait(ahead, perSecond > 0 ? (long) Math.ceil((ahead + 1) / perSecond) : null);
    }
}
