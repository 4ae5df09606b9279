package io.floodgate.queue.line;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.arrival.BuyerArrived;
import io.floodgate.contracts.queue.BuyerAdmitted;
import io.floodgate.contracts.queue.BuyerPreQueued;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.contracts.queue.LineOpened;
import io.floodgate.contracts.queue.QueueEvent;
import io.floodgate.contracts.queue.SeededPermutation;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SaleEvent;
import io.floodgate.contracts.sale.SaleState;
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
 * Owns each sale's line. Before opening, arrivals join the pre-queue; at opening a recorded seed
 * draws the pre-queue's order; after opening, first come, first served. On a wall-clock tick it
 * admits buyers in place order at the sale's rate. Sales and arrivals are both keyed by sale, so
 * one task sees a sale's whole line in one order.
 */
public final class QueueProcessor implements Processor<String, Event, String, QueueEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(QueueProcessor.class);

    private final Duration tick;
    private final SecureRandom seeds = new SecureRandom();
    private ProcessorContext<String, QueueEvent> context;
    private KeyValueStore<String, SaleLine> lines;
    private KeyValueStore<String, QueuedBuyer> buyers;
    private KeyValueStore<String, QueuedBuyer> order;

    public QueueProcessor(Duration tick) {
        this.tick = tick;
    }

    @Override
    public void init(ProcessorContext<String, QueueEvent> context) {
        this.context = context;
        this.lines = context.getStateStore(QueueStores.LINES);
        this.buyers = context.getStateStore(QueueStores.BUYERS);
        this.order = context.getStateStore(QueueStores.ORDER);
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, Event> record) {
        Event value = record.value();
        if (value instanceof SaleCreated created) {
            if (lines.get(created.meta().saleId()) == null) {
                lines.put(created.meta().saleId(), SaleLine.of(SaleState.created(created), now()));
            }
        } else if (value instanceof SaleEvent change) {
            SaleLine line = lines.get(change.meta().saleId());
            if (line != null) {
                lines.put(line.saleId(), line.withSale(line.sale().apply(change)));
            }
        } else if (value instanceof BuyerArrived arrived) {
            place(arrived);
        }
    }

    private void place(BuyerArrived arrived) {
        String saleId = arrived.meta().saleId();
        SaleLine line = lines.get(saleId);
        if (line == null) {
            // The gateway refuses unknown sales, so this is a record from outside the contract.
            LOG.warn("arrival {} for unknown sale {} ignored", arrived.meta().eventId(), saleId);
            return;
        }
        String buyerKey = QueueStores.buyerKey(saleId, arrived.buyerId());
        QueuedBuyer known = buyers.get(buyerKey);
        if (known != null) {
            emit(saleId, answer(arrived.meta(), known, true));
            return;
        }
        QueuedBuyer placed;
        if (!line.opened() && arrived.meta().occurredAt().isBefore(line.sale().config().opensAt())) {
            placed = new QueuedBuyer(arrived.buyerId(), 0, line.preQueueSize(), arrived.meta().correlationId());
            lines.put(saleId, line.withPreQueued());
            order.put(QueueStores.preQueueKey(saleId, placed.preQueueIndex()), placed);
        } else {
            SaleLine grown = (line.opened() ? line : open(line, now())).withNewBuyer();
            placed = new QueuedBuyer(arrived.buyerId(), grown.lastSequence(), -1, arrived.meta().correlationId());
            lines.put(saleId, grown);
            order.put(QueueStores.sequenceKey(saleId, placed.sequence()), placed);
        }
        buyers.put(buyerKey, placed);
        emit(saleId, answer(arrived.meta(), placed, false));
    }

    /** The buyer's own correlation id follows them; the cause is the arrival being answered. */
    private QueueEvent answer(EventMeta arrival, QueuedBuyer buyer, boolean repeated) {
        EventMeta meta = EventMeta.of(arrival.saleId(), buyer.correlationId(), arrival.eventId(),
                Instant.ofEpochMilli(now()));
        return buyer.preQueued()
                ? new BuyerPreQueued(meta, buyer.buyerId(), buyer.preQueueIndex(), repeated)
                : new BuyerQueued(meta, buyer.buyerId(), buyer.sequence(), repeated);
    }

    /** Draws the pre-queue's order and records the seed, so anyone can re-derive it. */
    private SaleLine open(SaleLine line, long nowMs) {
        SaleLine opened = line.open(seeds.nextLong(), nowMs);
        lines.put(line.saleId(), opened);
        emit(line.saleId(), new LineOpened(EventMeta.of(line.saleId(), "sale:" + line.saleId(), "opening:" + nowMs,
                Instant.ofEpochMilli(nowMs)), opened.seed(), opened.preQueueSize(), SeededPermutation.ALGORITHM));
        return opened;
    }

    private void tick(long nowMs) {
        List<SaleLine> all = new ArrayList<>();
        try (KeyValueIterator<String, SaleLine> it = lines.all()) {
            it.forEachRemaining(kv -> all.add(kv.value));
        }
        for (SaleLine line : all) {
            SaleLine current = line;
            if (!current.opened() && !current.sale().closed()
                    && !current.sale().opensLaterThan(Instant.ofEpochMilli(nowMs))) {
                current = open(current, nowMs);
            }
            SaleLine ticked = current.tick(nowMs);
            long count = ticked.admissibleNow();
            if (count > 0) {
                admitNext(ticked, count, nowMs);
            }
            lines.put(line.saleId(), ticked.admitted(count));
        }
    }

    private void admitNext(SaleLine line, long count, long nowMs) {
        Instant now = Instant.ofEpochMilli(nowMs);
        Instant windowEndsAt = now.plus(line.sale().config().admissionWindow());
        SeededPermutation preQueue = line.preQueueSize() > 0 ? line.preQueueOrder() : null;
        for (long seq = line.admittedThrough() + 1; seq <= line.admittedThrough() + count; seq++) {
            String key = seq <= line.preQueueSize()
                    ? QueueStores.preQueueKey(line.saleId(), preQueue.invert(seq - 1))
                    : QueueStores.sequenceKey(line.saleId(), seq);
            QueuedBuyer buyer = order.delete(key);
            EventMeta meta = EventMeta.of(line.saleId(), buyer.correlationId(), "admission-tick:" + nowMs, now);
            emit(line.saleId(), new BuyerAdmitted(meta, buyer.buyerId(), seq, windowEndsAt));
        }
    }

    private void emit(String saleId, QueueEvent event) {
        context.forward(new Record<>(saleId, event, event.meta().occurredAt().toEpochMilli()));
    }

    private long now() {
        return context.currentSystemTimeMs();
    }
}
