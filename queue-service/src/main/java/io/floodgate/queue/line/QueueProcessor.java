package io.floodgate.queue.line;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.accesscode.AccessCodesIssued;
import io.floodgate.contracts.arrival.BuyerArrived;
import io.floodgate.contracts.hold.HoldEvent;
import io.floodgate.contracts.hold.HoldExpired;
import io.floodgate.contracts.hold.HoldPlaced;
import io.floodgate.contracts.hold.HoldReleased;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.contracts.queue.AdmissionLapsed;
import io.floodgate.contracts.queue.BuyerAdmitted;
import io.floodgate.contracts.queue.BuyerPreQueued;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.contracts.queue.BuyerTurnedAway;
import io.floodgate.contracts.queue.DrawCommitment;
import io.floodgate.contracts.queue.DrawCommitted;
import io.floodgate.contracts.queue.LineOpened;
import io.floodgate.contracts.queue.QueueEvent;
import io.floodgate.contracts.queue.SeededPermutation;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SaleEvent;
import io.floodgate.contracts.sale.SaleState;
import io.floodgate.queue.access.AccessCodeGate;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Owns each sale's line. At the sale's creation it draws a seed and publishes only its commitment;
 * before opening, arrivals join the pre-queue; at opening the seed, revealed, draws the pre-queue's
 * order; after opening, first come, first served. On a wall-clock tick it
 * admits buyers in place order as {@link io.floodgate.queue.admission.AdmissionBudget} allows:
 * the sale's rate, room among active shoppers, and what the stock can still serve. Everything it
 * counts comes from events (sales, arrivals, holds re-keyed by sale), all co-partitioned by sale,
 * so one task sees a sale's whole line in one order and can rebuild it by replay.
 */
public final class QueueProcessor implements Processor<String, Event, String, QueueEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(QueueProcessor.class);

    /** Keys a closed sale's clean-up deletes per tick at most: a big sale's goes over several ticks. */
    static final int CLEANUP_PER_TICK = 10_000;

    private final Duration tick;
    private final long openingGraceMs;
    private final long closedGraceMs;
    private final SecureRandom seeds = new SecureRandom();
    private ProcessorContext<String, QueueEvent> context;
    private KeyValueStore<String, SaleLine> lines;
    private KeyValueStore<String, QueuedBuyer> buyers;
    private KeyValueStore<String, QueuedBuyer> order;
    private KeyValueStore<String, Shopper> shoppers;
    private KeyValueStore<String, String> windows;
    private KeyValueStore<String, ?> accessCodes;
    private AccessCodeGate gate;

    public QueueProcessor(Duration tick, Duration openingGrace, Duration closedGrace) {
        this.tick = tick;
        this.openingGraceMs = openingGrace.toMillis();
        this.closedGraceMs = closedGrace.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, QueueEvent> context) {
        this.context = context;
        this.lines = context.getStateStore(QueueStores.LINES);
        this.buyers = context.getStateStore(QueueStores.BUYERS);
        this.order = context.getStateStore(QueueStores.ORDER);
        this.shoppers = context.getStateStore(QueueStores.SHOPPERS);
        this.windows = context.getStateStore(QueueStores.WINDOWS);
        this.gate = new AccessCodeGate(context.getStateStore(QueueStores.ACCESS_CODES),
                context.getStateStore(QueueStores.ACCESS_CODE_COUNTS));
        this.accessCodes = context.getStateStore(QueueStores.ACCESS_CODES);
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, Event> record) {
        Event value = record.value();
        if (value instanceof SaleCreated created) {
            if (lines.get(created.meta().saleId()) == null) {
                // Dated as the sale's creation, which every arrival follows: the audit orders the log by time,
                // and a queue-service behind the gateway must not look as if it committed after the first arrival.
                lines.put(created.meta().saleId(), committed(SaleLine.of(SaleState.created(created), now()),
                        Math.min(now(), created.meta().occurredAt().toEpochMilli())));
            }
        } else if (value instanceof SaleEvent change) {
            SaleLine line = lines.get(change.meta().saleId());
            if (line != null) {
                lines.put(line.saleId(), line.withSale(line.sale().apply(change), now()));
            }
        } else if (value instanceof BuyerArrived arrived) {
            place(arrived);
        } else if (value instanceof HoldEvent hold) {
            onHold(hold);
        } else if (value instanceof AccessCodesIssued issued) {
            SaleLine line = lines.get(issued.meta().saleId());
            if (line == null) {
                LOG.warn("access codes {} for unknown sale {} ignored", issued.meta().eventId(), issued.meta().saleId());
            } else {
                gate.store(issued, line.sale(), now()).ifPresent(added -> emit(line.saleId(), added));
            }
        }
    }

    private void place(BuyerArrived arrived) {
        String saleId = arrived.meta().saleId();
        SaleLine known = lines.get(saleId);
        if (known == null) {
            // The gateway refuses unknown sales, so this is a record from outside the contract.
            LOG.warn("arrival {} for unknown sale {} ignored", arrived.meta().eventId(), saleId);
            return;
        }
        String buyerKey = QueueStores.buyerKey(saleId, arrived.buyerId());
        QueuedBuyer placedBefore = buyers.get(buyerKey);
        if (placedBefore != null) {
            // Not an arrival: a buyer in line asking again must not hold the line's opening back.
            emit(saleId, answer(arrived.meta(), placedBefore, true));
            return;
        }
        if (turnedAway(arrived, known)) {
            return;
        }
        SaleLine line = known.arrivalAt(now());
        if (!line.opened() && arrived.meta().occurredAt().isBefore(line.sale().config().opensAt())) {
            QueuedBuyer placed = new QueuedBuyer(arrived.buyerId(), 0, line.preQueueSize(),
                    arrived.meta().correlationId());
            lines.put(saleId, line.withPreQueued());
            order.put(QueueStores.preQueueKey(saleId, placed.preQueueIndex()), placed);
            buyers.put(buyerKey, placed);
            emit(saleId, answer(arrived.meta(), placed, false));
            return;
        }
        SaleLine grown = (line.opened() ? line : open(line, now())).withNewBuyer();
        QueuedBuyer placed = new QueuedBuyer(arrived.buyerId(), grown.lastSequence(), -1,
                arrived.meta().correlationId());
        order.put(QueueStores.sequenceKey(saleId, placed.sequence()), placed);
        buyers.put(buyerKey, placed);
        emit(saleId, answer(arrived.meta(), placed, false));
        // The waiting room switches itself on: with nobody ahead and room to admit, pass straight through.
        SaleLine ticked = grown.tick(now());
        long passThrough = grown.waiting() == 1 ? Math.min(1, ticked.admissibleNow()) : 0;
        if (passThrough > 0) {
            admitNext(ticked, passThrough, now());
            lines.put(saleId, ticked.admitted(passThrough));
        } else {
            lines.put(saleId, grown);
        }
    }

    /** An invite-only sale takes a new buyer only with a code that is the sale's and unused (AccessCodeGate). */
    private boolean turnedAway(BuyerArrived arrived, SaleLine line) {
        return gate.enter(arrived, line.sale()).map(reason -> {
            emit(line.saleId(), new BuyerTurnedAway(EventMeta.of(line.saleId(), arrived.meta().correlationId(),
                    arrived.meta().eventId(), Instant.ofEpochMilli(now())), arrived.buyerId(), reason));
            return true;
        }).orElse(false);
    }

    /** Seats and shoppers follow what happened to holds. */
    private void onHold(HoldEvent event) {
        String saleId = event.meta().saleId();
        SaleLine line = lines.get(saleId);
        if (line == null) {
            return;
        }
        line = line.withStock(line.stock().apply(event));
        String key = event.buyerId() == null ? null : QueueStores.buyerKey(saleId, event.buyerId());
        Shopper shopper = key == null ? null : shoppers.get(key);
        if (shopper != null && !shopper.done()) {
            if (event instanceof HoldPlaced) {
                if (shopper.liveHolds() == 0) {
                    line = line.withShoppers(line.shoppers().firstHold());
                }
                shopper = shopper.withHolds(shopper.liveHolds() + 1);
            } else if (event instanceof HoldSold) {
                // Bought: no longer shopping, whatever other holds they still have.
                shopper = shopper.withHolds(Math.max(0, shopper.liveHolds() - 1)).finished();
                line = line.withShoppers(line.shoppers().done(true));
            } else if (event instanceof HoldExpired || event instanceof HoldReleased) {
                shopper = shopper.withHolds(Math.max(0, shopper.liveHolds() - 1));
                long nowMs = now();
                boolean windowOver = shopper.effectiveWindowEndMs(pausedMs(line, nowMs)) <= nowMs;
                if (shopper.liveHolds() == 0 && windowOver) {
                    shopper = shopper.finished();
                    line = line.withShoppers(line.shoppers().done(true));
                } else if (shopper.liveHolds() == 0) {
                    line = line.withShoppers(line.shoppers().lastHoldEnded());
                }
            }
            shoppers.put(key, shopper);
        }
        lines.put(saleId, line);
    }

    /** The buyer's own correlation id follows them; the cause is the arrival being answered. */
    private QueueEvent answer(EventMeta arrival, QueuedBuyer buyer, boolean repeated) {
        EventMeta meta = EventMeta.of(arrival.saleId(), buyer.correlationId(), arrival.eventId(),
                Instant.ofEpochMilli(now()));
        return buyer.preQueued()
                ? new BuyerPreQueued(meta, buyer.buyerId(), buyer.preQueueIndex(), repeated)
                : new BuyerQueued(meta, buyer.buyerId(), buyer.sequence(), repeated);
    }

    /**
     * The line with its draw made and committed to ({@link DrawCommitted}), if it was not yet: at
     * the sale's creation, so the commitment precedes every arrival in the sale's partition. A line
     * from before commitments is drawn at the next tick (or its opening), unless buyers already
     * wait in its pre-queue: a commitment made after an arrival would promise nothing (and the
     * audit refuses it), so such a line stays uncommitted and draws at opening as before.
     */
    private SaleLine committed(SaleLine line, long nowMs) {
        if (line.drawn() || line.opened() || line.preQueueSize() > 0) {
            return line;
        }
        SaleLine drawn = line.withDraw(Draw.random(seeds));
        emit(line.saleId(), new DrawCommitted(EventMeta.of(line.saleId(), "sale:" + line.saleId(), "draw:" + nowMs,
                Instant.ofEpochMilli(nowMs)), drawn.draw().commitment(), DrawCommitment.SCHEME));
        return drawn;
    }

    /** Orders the pre-queue by the committed draw and reveals it, so anyone can check and re-derive it. */
    private SaleLine open(SaleLine line, long nowMs) {
        SaleLine ready = committed(line, nowMs);
        SaleLine opened = ready.drawn() ? ready.open(nowMs) : ready.openUncommitted(seeds.nextLong(), nowMs);
        lines.put(line.saleId(), opened);
        emit(line.saleId(), new LineOpened(EventMeta.of(line.saleId(), "sale:" + line.saleId(), "opening:" + nowMs,
                Instant.ofEpochMilli(nowMs)), opened.seed(), opened.preQueueSize(), SeededPermutation.ALGORITHM,
                opened.drawn() ? opened.draw().nonce() : null));
        return opened;
    }

    private void tick(long nowMs) {
        lapseWindows(nowMs);
        List<SaleLine> all = new ArrayList<>();
        try (KeyValueIterator<String, SaleLine> it = lines.all()) {
            it.forEachRemaining(kv -> all.add(kv.value));
        }
        for (SaleLine line : all) {
            if (line.sale().closed()) {
                // A closed line admits nobody: it costs nothing more until it is cleaned up.
                if (line.closedLongerThan(closedGraceMs, nowMs)) {
                    cleanUp(line.saleId());
                } else if (line.closedAtMs() == 0) {
                    lines.put(line.saleId(), line.withSale(line.sale(), nowMs));
                }
                continue;
            }
            SaleLine current = line.dueToOpen(nowMs, openingGraceMs) ? open(line, nowMs) : committed(line, nowMs);
            SaleLine ticked = current.tick(nowMs);
            long count = ticked.admissibleNow();
            if (count > 0) {
                admitNext(ticked, count, nowMs);
            }
            lines.put(line.saleId(), ticked.admitted(count));
        }
    }

    /**
     * Deletes a closed sale's buyers and access codes, then its line, a bounded number of keys per tick, so that
     * restoring the stores costs what the live sales hold, not every sale there ever was.
     * Windows still open drain by themselves as they end.
     */
    private void cleanUp(String saleId) {
        int left = CLEANUP_PER_TICK;
        for (KeyValueStore<String, ?> store : List.of(buyers, order, shoppers, accessCodes)) {
            left -= deleteUnder(store, saleId + "/", left);
            if (left <= 0) {
                return;
            }
        }
        gate.forget(saleId);
        lines.delete(saleId);
        LOG.info("sale {} closed more than {} ago: its line is cleaned up", saleId, Duration.ofMillis(closedGraceMs));
    }

    private static int deleteUnder(KeyValueStore<String, ?> store, String prefix, int max) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, ?> it = store.prefixScan(prefix, new StringSerializer())) {
            while (it.hasNext() && keys.size() < max) {
                keys.add(it.next().key);
            }
        }
        keys.forEach(store::delete);
        return keys.size();
    }

    /**
     * Admitted buyers whose window has passed with no live hold stop being active, so their room
     * goes to the next in line. Time the sale spent paused is added to each window first.
     */
    private void lapseWindows(long nowMs) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = windows.range(QueueStores.windowKey(0, "", ""),
                QueueStores.windowsDueBy(nowMs))) {
            it.forEachRemaining(due::add);
        }
        for (KeyValue<String, String> entry : due) {
            windows.delete(entry.key);
            String saleId = entry.key.split("/", 3)[1];
            String key = QueueStores.buyerKey(saleId, entry.value);
            Shopper shopper = shoppers.get(key);
            SaleLine line = lines.get(saleId);
            if (shopper == null || shopper.done() || line == null) {
                continue;
            }
            long end = shopper.effectiveWindowEndMs(pausedMs(line, nowMs));
            if (end > nowMs) {
                windows.put(QueueStores.windowKey(end, saleId, shopper.buyerId()), shopper.buyerId());
            } else if (shopper.liveHolds() == 0) {
                shoppers.put(key, shopper.finished());
                lines.put(saleId, line.withShoppers(line.shoppers().done(false)));
                emit(saleId, new AdmissionLapsed(EventMeta.of(saleId, shopper.correlationId(), "window-end:" + nowMs,
                        Instant.ofEpochMilli(nowMs)), shopper.buyerId(), shopper.sequence()));
            }
        }
    }

    private static long pausedMs(SaleLine line, long nowMs) {
        return line.sale().pausedUntil(Instant.ofEpochMilli(nowMs)).toMillis();
    }

    private void admitNext(SaleLine line, long count, long nowMs) {
        Instant now = Instant.ofEpochMilli(nowMs);
        Instant windowEndsAt = now.plus(line.sale().config().admissionWindow());
        long pausedBefore = pausedMs(line, nowMs);
        SeededPermutation preQueue = line.preQueueSize() > 0 ? line.preQueueOrder() : null;
        for (long seq = line.admittedThrough() + 1; seq <= line.admittedThrough() + count; seq++) {
            String key = seq <= line.preQueueSize()
                    ? QueueStores.preQueueKey(line.saleId(), preQueue.invert(seq - 1))
                    : QueueStores.sequenceKey(line.saleId(), seq);
            QueuedBuyer buyer = order.delete(key);
            shoppers.put(QueueStores.buyerKey(line.saleId(), buyer.buyerId()), new Shopper(buyer.buyerId(), seq,
                    windowEndsAt.toEpochMilli(), pausedBefore, 0, false, buyer.correlationId()));
            windows.put(QueueStores.windowKey(windowEndsAt.toEpochMilli(), line.saleId(), buyer.buyerId()),
                    buyer.buyerId());
            EventMeta meta = EventMeta.of(line.saleId(), buyer.correlationId(), "admission-tick:" + nowMs, now);
            emit(line.saleId(), new BuyerAdmitted(meta, buyer.buyerId(), seq, windowEndsAt,
                    Duration.ofMillis(pausedBefore)));
        }
    }

    private void emit(String saleId, QueueEvent event) {
        context.forward(new Record<>(saleId, event, event.meta().occurredAt().toEpochMilli()));
    }

    private long now() {
        return context.currentSystemTimeMs();
    }
}
