package io.floodgate.gateway.view;

import io.floodgate.contracts.provider.ProviderEvent;
import io.floodgate.contracts.provider.ProviderRecovered;
import io.floodgate.contracts.provider.ProviderUnavailable;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** How long a buyer waits for the provider: payments ahead, and seconds at the measured pace. */
    public record Wait(long ahead, Long estimateSeconds) {
    }

    /** A checkout joins the line; returns its place. */
    long join() {
        return joined.getAndIncrement();
    }

    void finished(Instant at) {
        finished.incrementAndGet();
        pace.record(at);
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
