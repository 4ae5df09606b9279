package io.floodgate.inventory.holds;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Keys;
import io.floodgate.contracts.availability.AvailabilityEvent;
import io.floodgate.contracts.availability.SectionAvailability;
import io.floodgate.contracts.hold.HoldEvent;
import io.floodgate.contracts.hold.HoldExpired;
import io.floodgate.contracts.hold.HoldPlaced;
import io.floodgate.contracts.hold.HoldRejected;
import io.floodgate.contracts.hold.HoldReleased;
import io.floodgate.contracts.hold.HoldRequested;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.contracts.hold.RejectionReason;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SaleEvent;
import io.floodgate.contracts.sale.SaleLimits;
import io.floodgate.contracts.sale.SaleState;
import io.floodgate.contracts.sale.SectionConfig;
import io.floodgate.inventory.seats.SaleTerms;
import io.floodgate.inventory.seats.SectionUpdate;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sale's own task (everything here is keyed by sale). It folds the sale's events and sends
 * the state to every section's task; and it keeps each buyer's quota for the per-buyer limit,
 * which spans sections: a hold request goes on to its section only once its seats are reserved
 * against the buyer's limit, and the quota follows what then happens to the buyer's holds.
 * Outputs are keyed by section: section updates, allowed requests, and limit rejections.
 * A sale over {@link SaleLimits} is skipped (logged and counted): its sections never exist here.
 * A closed sale is forgotten once {@code retention} has passed, here and in its sections' tasks.
 */
public final class SaleProcessor implements Processor<String, Object, String, Object> {
    private static final Logger LOG = LoggerFactory.getLogger(SaleProcessor.class);
    private static final Duration RETIREMENT_SWEEP = Duration.ofMinutes(1);

    private final Duration retention;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, SaleState> sales;
    private KeyValueStore<String, BuyerQuota> quotas;
    private KeyValueStore<String, String> retirements;
    private TimestampedKeyValueStore<String, AvailabilityEvent> availability;
    private Sensor skippedSales;

    public SaleProcessor(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.sales = context.getStateStore(InventoryStores.SALES);
        this.quotas = context.getStateStore(InventoryStores.QUOTAS);
        this.retirements = context.getStateStore(InventoryStores.RETIREMENTS);
        this.availability = context.getStateStore(InventoryStores.AVAILABILITY);
        this.skippedSales = context.metrics().addRateTotalSensor("inventory", "sales", "skipped-sales",
                Sensor.RecordingLevel.INFO);
        context.schedule(RETIREMENT_SWEEP, PunctuationType.WALL_CLOCK_TIME, this::retire);
    }

    @Override
    public void process(Record<String, Object> record) {
        Object value = record.value();
        if (value instanceof SaleEvent event) {
            sale(record, event);
        } else if (value instanceof HoldRequested request) {
            request(record, request);
        } else if (value instanceof HoldEvent event && event.buyerId() != null) {
            settle(event);
        }
    }

    private void sale(Record<String, Object> record, SaleEvent event) {
        String saleId = event.meta().saleId();
        SaleState known = sales.get(saleId);
        SaleState state;
        if (event instanceof SaleCreated created) {
            if (known != null) {
                return; // the first SaleCreated of a sale wins
            }
            List<String> problems = SaleLimits.violations(saleId, created.config());
            if (!problems.isEmpty()) {
                LOG.warn("sale {} skipped: it is over the limits of a sale: {}", saleId, problems);
                skippedSales.record();
                return;
            }
            state = SaleState.created(created);
        } else if (known == null) {
            return;
        } else {
            state = known.apply(event);
        }
        sales.put(saleId, state);
        if (known != null && !known.closed() && state.closed()) {
            retirements.put(InventoryStores.dueKey(now() + retention.toMillis(), saleId), saleId);
        }
        // Each section hears only the terms it needs: a record per section the size of one section.
        SaleTerms terms = SaleTerms.of(state);
        state.config().sections().forEach(section -> context.forward(record.withKey(Keys.section(saleId, section.id()))
                .withValue(new SectionUpdate(terms, section, false))));
    }

    /** Closed sales past their retention: forgotten here, and each section told to forget itself. */
    private void retire(long nowMs) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = retirements.range(InventoryStores.dueKey(0, ""),
                InventoryStores.dueUpperBound(nowMs))) {
            it.forEachRemaining(due::add);
        }
        for (KeyValue<String, String> retirement : due) {
            String saleId = retirement.value;
            SaleState state = sales.get(saleId);
            if (state != null) {
                SaleTerms terms = SaleTerms.of(state);
                for (SectionConfig section : state.config().sections()) {
                    context.forward(new Record<>(Keys.section(saleId, section.id()),
                            new SectionUpdate(terms, section, true), nowMs));
                }
                sales.delete(saleId);
            }
            List<String> buyers = new ArrayList<>();
            try (KeyValueIterator<String, BuyerQuota> it = quotas.prefixScan(quotaKey(saleId, ""),
                    new StringSerializer())) {
                it.forEachRemaining(kv -> buyers.add(kv.key));
            }
            buyers.forEach(quotas::delete);
            retirements.delete(retirement.key);
        }
    }

    private void request(Record<String, Object> record, HoldRequested request) {
        String saleId = request.meta().saleId();
        String sectionKey = Keys.section(saleId, request.sectionId());
        SaleState sale = sales.get(saleId);
        if (sale == null) {
            context.forward(record.withKey(sectionKey)); // the section's task says it does not know the sale
            return;
        }
        String quotaKey = quotaKey(saleId, request.buyerId());
        BuyerQuota quota = quota(quotaKey);
        if (!quota.allows(request.quantity(), sale.config().perBuyerLimit())) {
            context.forward(record.withKey(sectionKey).withValue(new HoldRejected(
                    EventMeta.causedBy(request.meta(), Instant.ofEpochMilli(context.currentSystemTimeMs())),
                    request.holdId(), request.buyerId(), request.sectionId(), request.quantity(),
                    RejectionReason.BUYER_LIMIT_REACHED, freeSeats(sectionKey), null)));
            return;
        }
        quotas.put(quotaKey, quota.reserve(request.holdId(), request.quantity()));
        context.forward(record.withKey(sectionKey));
    }

    private void settle(HoldEvent event) {
        String key = quotaKey(event.meta().saleId(), event.buyerId());
        BuyerQuota quota = quota(key);
        BuyerQuota next = quota;
        if (event instanceof HoldPlaced placed) {
            next = quota.answered(placed.holdId(), placed.seats().size());
        } else if (event instanceof HoldRejected rejected) {
            next = quota.answered(rejected.holdId(), 0);
        } else if (event instanceof HoldExpired expired) {
            next = quota.released(expired.seats().size());
        } else if (event instanceof HoldReleased released) {
            next = quota.released(released.seats().size());
        } else if (event instanceof HoldSold sold) {
            next = quota.sold(sold.seats().size());
        }
        if (!next.equals(quota)) {
            quotas.put(key, next);
        }
    }

    private BuyerQuota quota(String key) {
        BuyerQuota quota = quotas.get(key);
        return quota == null ? BuyerQuota.NONE : quota;
    }

    /** As last published: the section's own count lives in another task. */
    private int freeSeats(String sectionKey) {
        ValueAndTimestamp<AvailabilityEvent> published = availability.get(sectionKey);
        return published != null && published.value() instanceof SectionAvailability a ? (int) a.free() : 0;
    }

    private long now() {
        return context.currentSystemTimeMs();
    }

    private static String quotaKey(String saleId, String buyerId) {
        return saleId + "/" + buyerId;
    }
}
