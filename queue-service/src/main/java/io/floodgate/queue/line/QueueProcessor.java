package io.floodgate.queue.line;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.arrival.BuyerArrived;
import io.floodgate.contracts.queue.BuyerAdmitted;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.contracts.queue.QueueEvent;
import io.floodgate.contracts.sale.SaleCreated;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives each new buyer the next place in their sale's line and, on a wall-clock tick, admits
 * buyers in place order at the sale's rate. Sales and arrivals are both keyed by sale, so one
 * task owns a sale's whole line.
 */
public final class QueueProcessor implements Processor<String, Event, String, QueueEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(QueueProcessor.class);

    private final Duration tick;
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
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::admit);
    }

    @Override
    public void process(Record<String, Event> record) {
        if (record.value() instanceof SaleCreated created) {
            openLine(created);
        } else if (record.value() instanceof BuyerArrived arrived) {
            place(arrived);
        }
    }

    private void openLine(SaleCreated created) {
        String saleId = created.meta().saleId();
        if (lines.get(saleId) == null) {
            lines.put(saleId, SaleLine.open(saleId, created.config().admissionRatePerSecond(),
                    created.config().admissionWindow(), now()));
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
            emit(saleId, new BuyerQueued(answerTo(arrived.meta(), known), known.buyerId(), known.sequence(), true));
            return;
        }
        SaleLine grown = line.withNewBuyer();
        QueuedBuyer placed = new QueuedBuyer(arrived.buyerId(), grown.lastSequence(), arrived.meta().correlationId());
        lines.put(saleId, grown);
        buyers.put(buyerKey, placed);
        order.put(QueueStores.orderKey(saleId, placed.sequence()), placed);
        emit(saleId, new BuyerQueued(answerTo(arrived.meta(), placed), placed.buyerId(), placed.sequence(), false));
    }

    private void admit(long nowMs) {
        List<SaleLine> all = new ArrayList<>();
        try (KeyValueIterator<String, SaleLine> it = lines.all()) {
            it.forEachRemaining(kv -> all.add(kv.value));
        }
        for (SaleLine line : all) {
            SaleLine ticked = line.tick(nowMs);
            long count = ticked.admissibleNow();
            if (count > 0) {
                admitNext(ticked, count, nowMs);
            }
            lines.put(line.saleId(), ticked.admitted(count));
        }
    }

    private void admitNext(SaleLine line, long count, long nowMs) {
        Instant now = Instant.ofEpochMilli(nowMs);
        Instant windowEndsAt = now.plus(line.admissionWindow());
        long from = line.admittedThrough() + 1;
        long to = line.admittedThrough() + count;
        List<String> done = new ArrayList<>();
        try (KeyValueIterator<String, QueuedBuyer> it = order.range(
                QueueStores.orderKey(line.saleId(), from), QueueStores.orderKey(line.saleId(), to))) {
            it.forEachRemaining(kv -> {
                QueuedBuyer buyer = kv.value;
                EventMeta meta = EventMeta.of(line.saleId(), buyer.correlationId(), "admission-tick:" + nowMs, now);
                emit(line.saleId(), new BuyerAdmitted(meta, buyer.buyerId(), buyer.sequence(), windowEndsAt));
                done.add(kv.key);
            });
        }
        done.forEach(order::delete);
    }

    /** The buyer's own correlation id follows them; the cause is the arrival being answered. */
    private EventMeta answerTo(EventMeta arrival, QueuedBuyer buyer) {
        return EventMeta.of(arrival.saleId(), buyer.correlationId(), arrival.eventId(), Instant.ofEpochMilli(now()));
    }

    private void emit(String saleId, QueueEvent event) {
        context.forward(new Record<>(saleId, event, event.meta().occurredAt().toEpochMilli()));
    }

    private long now() {
        return context.currentSystemTimeMs();
    }
}
