package io.floodgate.gateway.view;

import io.floodgate.contracts.sale.SaleConfig;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What every gateway instance knows of one sale: its configuration and the line's counters.
 * Written by the one view thread, read by request threads.
 */
public final class SaleView {
    private final String saleId;
    private final SaleConfig config;
    private volatile long lastSequence;
    private volatile long admittedThrough;
    /** First sequence of each admission batch -> when that batch's window ends. */
    private final ConcurrentSkipListMap<Long, Instant> windows = new ConcurrentSkipListMap<>();

    public SaleView(String saleId, SaleConfig config) {
        this.saleId = saleId;
        this.config = config;
    }

    public String saleId() {
        return saleId;
    }

    public SaleConfig config() {
        return config;
    }

    /** Buyers with a place in line so far. */
    public long lastSequence() {
        return lastSequence;
    }

    /** The serving counter: every place up to this one has been admitted. */
    public long admittedThrough() {
        return admittedThrough;
    }

    /** When the admission window of the buyer at {@code sequence} ends, if they were admitted. */
    public Optional<Instant> windowEnd(long sequence) {
        if (sequence > admittedThrough) {
            return Optional.empty();
        }
        return Optional.ofNullable(windows.floorEntry(sequence)).map(Map.Entry::getValue);
    }

    void queued(long sequence) {
        if (sequence > lastSequence) {
            lastSequence = sequence;
        }
    }

    void admitted(long sequence, Instant windowEndsAt) {
        Map.Entry<Long, Instant> last = windows.lastEntry();
        if (last == null || !last.getValue().equals(windowEndsAt)) {
            windows.put(sequence, windowEndsAt);
        }
        if (sequence > admittedThrough) {
            admittedThrough = sequence;
        }
    }
}
