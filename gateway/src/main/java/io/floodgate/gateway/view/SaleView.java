package io.floodgate.gateway.view;

import io.floodgate.contracts.hold.HoldEvent;
import io.floodgate.contracts.line.LineSummary;
import io.floodgate.contracts.queue.SeededPermutation;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleState;
import io.floodgate.contracts.sale.Stock;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What every gateway instance knows of one sale: its state and the line's counters. Written by
 * the one view thread, read by request threads.
 */
public final class SaleView {
    /** An admission batch's window, and how long the sale had been paused when it was admitted. */
    private record Window(Instant endsAt, Duration pausedBefore) {
        /** The real end: time the sale spent paused since the admission is added. */
        Instant endsAt(Duration pausedUntilNow) {
            return endsAt.plus(pausedUntilNow.minus(pausedBefore));
        }
    }

    private final String saleId;
    private volatile SaleState state;
    private volatile Stock stock;
    private volatile long soldAtLeast;
    private volatile SeededPermutation preQueueOrder;
    private volatile long preQueueSize;
    private volatile long lastSequence;
    private volatile long admittedThrough;
    private volatile Instant closedAt;
    private volatile PublicDraw draw = PublicDraw.NONE;
    private volatile long accessCodesIssued;
    /** First sequence of each admission batch -> that batch's window. */
    private final ConcurrentSkipListMap<Long, Window> windows = new ConcurrentSkipListMap<>();
    private final RateMeter admissions = new RateMeter();

    public SaleView(SaleState state) {
        this.saleId = state.saleId();
        this.state = state;
        this.stock = Stock.of(state.config());
    }

    /**
     * The seats, counted from hold events. The count of sold seats is at least what inventory last
     * published for the sections ({@code floodgate.availability}, compacted): hold events older than
     * the holds topic's retention are gone, their sales are not.
     */
    public Stock stock() {
        Stock counted = stock;
        long floor = soldAtLeast;
        if (counted.sold() >= floor) {
            return counted;
        }
        return new Stock(counted.capacity(), Math.max(0, Math.min(counted.held(), counted.capacity() - floor)), floor);
    }

    void count(HoldEvent hold) {
        stock = stock.apply(hold);
    }

    void soldAtLeast(long sold) {
        if (sold > soldAtLeast) {
            soldAtLeast = sold;
        }
    }

    /**
     * What the line's summary says, for what the queue topic no longer holds: the draw, places given
     * and admitted (an admission whose window is gone is long over, see {@link #windowEnd}).
     */
    void summarised(LineSummary line) {
        committed(line.commitmentScheme(), line.commitment());
        if (line.opened()) {
            draw = draw.revealed(line.seed(), line.nonce());
        }
        if (line.opened() && preQueueOrder == null) {
            opened(line.seed(), line.preQueueSize());
        } else if (!line.opened() && line.preQueueSize() > 0) {
            preQueued(line.preQueueSize() - 1);
        }
        queued(line.lastSequence());
        if (line.admittedThrough() > admittedThrough) {
            admittedThrough = line.admittedThrough();
        }
        accessCodesIssued(line.accessCodesIssued());
    }

    /** An invite-only sale's distinct access codes, as queue-service stored them. */
    public long accessCodesIssued() {
        return accessCodesIssued;
    }

    void accessCodesIssued(long issued) {
        if (issued > accessCodesIssued) {
            accessCodesIssued = issued;
        }
    }

    /**
     * Access codes used: in an invite-only sale every place was given for one unused code, and every
     * code used gave one place, so this is the places given.
     */
    public long accessCodesUsed() {
        return config().inviteOnly() ? lastSequence() : 0;
    }

    public String saleId() {
        return saleId;
    }

    public SaleState state() {
        return state;
    }

    public SaleConfig config() {
        return state.config();
    }

    public boolean opened() {
        return preQueueOrder != null || lastSequence > preQueueSize;
    }

    /** Buyers who arrived before opening. */
    public long preQueueSize() {
        return preQueueSize;
    }

    /** Buyers with a place in line so far. */
    public long lastSequence() {
        return Math.max(lastSequence, preQueueSize);
    }

    /** Buyers with a place, not yet admitted. */
    public long waiting() {
        return lastSequence() - admittedThrough;
    }

    /** The serving counter: every place up to this one has been admitted. */
    public long admittedThrough() {
        return admittedThrough;
    }

    /** Admissions per second actually achieved lately: what wait estimates use. */
    public double measuredAdmissionRate(Instant now) {
        return admissions.perSecond(now);
    }

    /**
     * Buyers admitted whose shopping window is still open (bought or not): the shoppers the sale
     * has to serve now. Windows end in admission order, so only the open tail is visited.
     */
    public long shoppersWithOpenWindows(Instant now) {
        Duration paused = state.pausedUntil(now);
        long shoppers = 0;
        long nextBatchStart = admittedThrough + 1;
        for (Map.Entry<Long, Window> batch : windows.descendingMap().entrySet()) {
            if (!batch.getValue().endsAt(paused).isAfter(now)) {
                break;
            }
            shoppers += nextBatchStart - batch.getKey();
            nextBatchStart = batch.getKey();
        }
        return shoppers;
    }

    /** The place drawn at opening for the pre-queue's {@code index}-th arrival, once the line is open. */
    public Optional<Long> drawnSequence(long preQueueIndex) {
        SeededPermutation order = preQueueOrder;
        return order == null ? Optional.empty() : Optional.of(order.apply(preQueueIndex) + 1);
    }

    /**
     * When the admission window of the buyer at {@code sequence} ends, if they were admitted:
     * time the sale spent paused since their admission is added, so a pause takes nothing from them.
     * A buyer admitted before the oldest admission the view still has (older than the queue topic's
     * retention, or before the sale closed) had a window long over: {@link Instant#EPOCH}.
     */
    public Optional<Instant> windowEnd(long sequence, Instant now) {
        if (sequence > admittedThrough) {
            return Optional.empty();
        }
        Map.Entry<Long, Window> batch = windows.floorEntry(sequence);
        return Optional.of(batch == null ? Instant.EPOCH : batch.getValue().endsAt(state.pausedUntil(now)));
    }

    void changed(SaleState changed) {
        state = changed;
    }

    /** Admission windows kept: what the sale's view grows with. */
    int windowsKept() {
        return windows.size();
    }

    /** When the sale closed, or null. */
    public Instant closedAt() {
        return closedAt;
    }

    /** Closed: windows no longer matter (a closed sale sells nothing more), so they are let go. */
    void closed(Instant at) {
        closedAt = at;
        windows.clear();
    }

    /** The draw's commitment and, once the line opened, what it reveals. */
    public PublicDraw draw() {
        return draw;
    }

    void committed(String scheme, String commitment) {
        draw = draw.committed(scheme, commitment);
    }

    void revealed(long seed, String nonce) {
        draw = draw.revealed(seed, nonce);
    }

    void opened(long seed, long size) {
        preQueueSize = size;
        preQueueOrder = size > 0 ? new SeededPermutation(seed, size) : null;
    }

    void preQueued(long index) {
        if (preQueueOrder == null && index + 1 > preQueueSize) {
            preQueueSize = index + 1;
        }
    }

    void queued(long sequence) {
        if (sequence > lastSequence) {
            lastSequence = sequence;
        }
    }

    void admitted(long sequence, Instant windowEndsAt, Duration pausedBefore, Instant admittedAt) {
        Map.Entry<Long, Window> last = windows.lastEntry();
        if (closedAt == null && (last == null || !last.getValue().equals(new Window(windowEndsAt, pausedBefore)))) {
            windows.put(sequence, new Window(windowEndsAt, pausedBefore));
        }
        if (sequence > admittedThrough) {
            admittedThrough = sequence;
        }
        admissions.record(admittedAt);
    }
}
