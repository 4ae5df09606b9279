package io.floodgate.inventory.holds;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Keys;
import io.floodgate.contracts.availability.AvailabilityEvent;
import io.floodgate.contracts.hold.HoldExtended;
import io.floodgate.contracts.hold.HoldPlaced;
import io.floodgate.contracts.hold.HoldRequested;
import io.floodgate.contracts.sale.SaleLimits;
import io.floodgate.contracts.sale.SectionConfig;
import io.floodgate.inventory.seats.SaleTerms;
import io.floodgate.inventory.seats.Section;
import io.floodgate.inventory.seats.SectionUpdate;
import io.floodgate.platform.kafka.JsonSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seats processor on its own, with in-memory stores, counting what it reads of the holds. */
class ResumeReadsTest {
    private static final Instant START = Instant.parse("2026-11-22T20:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(10);

    private final MockProcessorContext<String, Event> context = new MockProcessorContext<>();
    private final AtomicLong holdReads = new AtomicLong();
    private final InventoryProcessor processor = new InventoryProcessor(Duration.ofSeconds(1), Duration.ofMillis(500));

    @BeforeEach
    void start() {
        context.setCurrentSystemTimeMs(START.toEpochMilli());
        add(InventoryStores.SECTIONS, JsonSerde.of(Section.class));
        add(InventoryStores.EXPIRY, Serdes.String());
        add(InventoryStores.SECTION_HOLDS, Serdes.String());
        KeyValueStore<String, Hold> holds = add(InventoryStores.HOLDS, JsonSerde.of(Hold.class));
        context.addStateStore(counting(holds));
        StateStore availability = Stores.timestampedKeyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(InventoryStores.AVAILABILITY), Serdes.String(),
                JsonSerde.of(AvailabilityEvent.class)).withLoggingDisabled().build();
        availability.init(context.getStateStoreContext(), availability);
        context.addStateStore(availability);
        processor.init(context);
    }

    private <V> KeyValueStore<String, V> add(String name, Serde<V> serde) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(),
                serde).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    /** The same store, counting each hold read. */
    @SuppressWarnings("unchecked")
    private KeyValueStore<String, Hold> counting(KeyValueStore<String, Hold> store) {
        return (KeyValueStore<String, Hold>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{KeyValueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("get")) {
                        holdReads.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void update(String saleId, SectionConfig section, Duration pausedTotal) {
        processor.process(new Record<>(Keys.section(saleId, section.id()), new SectionUpdate(new SaleTerms(saleId,
                "EUR", HOLD, null, pausedTotal, false), section, false), START.toEpochMilli()));
    }

    private void hold(String saleId, String sectionId, String holdId) {
        processor.process(new Record<>(Keys.section(saleId, sectionId), new HoldRequested(EventMeta.of(saleId, "c",
                "r", START), holdId, "buyer-" + holdId, sectionId, 1, List.of()), START.toEpochMilli()));
    }

    @Test
    void resumingASaleReadsOnlyItsOwnSectionsHoldsNotEveryLiveHoldOncePerSection() {
        SectionConfig crowdFloor = new SectionConfig("floor", "Floor", 20, 100, 100);
        update("crowd", crowdFloor, Duration.ZERO);
        int crowd = 2_000;
        IntStream.range(0, crowd).forEach(h -> hold("crowd", "floor", "c" + h));
        List<SectionConfig> sections = IntStream.range(0, SaleLimits.MAX_SECTIONS)
                .mapToObj(i -> new SectionConfig("s" + i, "S" + i, 1, 10, 100)).toList();
        for (SectionConfig section : sections) {
            update("busy", section, Duration.ZERO);
            hold("busy", section.id(), "b-" + section.id());
        }
        assertEquals(crowd + sections.size(), context.forwarded().stream()
                .filter(f -> f.record().value() instanceof HoldPlaced).count());
        context.resetForwards();
        holdReads.set(0);

        sections.forEach(section -> update("busy", section, Duration.ofMinutes(5)));

        List<HoldExtended> extended = context.forwarded().stream().map(f -> f.record().value())
                .filter(HoldExtended.class::isInstance).map(HoldExtended.class::cast).toList();
        assertEquals(sections.size(), extended.size(), "each of the sale's live holds runs five minutes longer");
        assertTrue(extended.stream().allMatch(e -> e.expiresAt().equals(START.plus(HOLD).plusSeconds(300))));
        // Reading every live hold for each section would be 200 x 2,200 = 440,000 reads.
        assertTrue(holdReads.get() <= sections.size(), "the resume read " + holdReads.get() + " holds");
    }
}
