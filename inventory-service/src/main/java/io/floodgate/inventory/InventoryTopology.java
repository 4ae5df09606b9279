package io.floodgate.inventory;

import io.floodgate.contracts.ConsumerGroups;
import io.floodgate.contracts.Event;
import io.floodgate.contracts.Keys;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.availability.AvailabilityEvent;
import io.floodgate.contracts.availability.SectionAvailability;
import io.floodgate.contracts.checkout.CheckoutEvent;
import io.floodgate.contracts.checkout.CheckoutRequested;
import io.floodgate.contracts.checkoutanswer.CheckoutAnswer;
import io.floodgate.contracts.hold.HoldCommand;
import io.floodgate.contracts.hold.HoldEvent;
import io.floodgate.contracts.hold.HoldRejected;
import io.floodgate.contracts.hold.HoldRequested;
import io.floodgate.contracts.payment.PaymentEvent;
import io.floodgate.inventory.holds.InventoryProcessor;
import io.floodgate.inventory.holds.InventoryStores;
import io.floodgate.inventory.holds.SaleProcessor;
import io.floodgate.inventory.seats.SectionUpdate;
import io.floodgate.platform.kafka.JsonSerde;
import io.floodgate.platform.kafka.TopicSettings;
import io.floodgate.platform.streams.StreamsApp;
import jakarta.inject.Singleton;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Two owners. The sale's task (keyed by sale) folds the sale's state and keeps each buyer's quota
 * for the per-buyer limit across sections; hold requests pass through it. Then everything that
 * touches a section's seats is re-keyed to sale/section and merged into the section's processor:
 * allowed hold requests, the sale's state, checkouts and payment outcomes (keyed by hold upstream). Repartition topics get the catalogue's partition count, so they are
 * co-partitioned with the hold commands.
 */
@Singleton
public final class InventoryTopology implements StreamsApp {
    private final Duration sweep;
    private final Duration availability;
    private final Duration retention;
    private final int partitions;

    public InventoryTopology(InventorySettings settings, TopicSettings topics) {
        this.sweep = Duration.ofMillis(settings.expirySweepMs());
        this.availability = Duration.ofMillis(settings.availabilityMs());
        this.retention = settings.retention();
        this.partitions = topics.partitions();
    }

    @Override
    public String applicationId() {
        return ConsumerGroups.INVENTORY;
    }

    @Override
    public Collection<Topic<?>> topics() {
        return List.of(Topics.SALES, Topics.HOLD_COMMANDS, Topics.CHECKOUTS, Topics.PAYMENTS, Topics.HOLDS,
                Topics.CHECKOUT_ANSWERS, Topics.AVAILABILITY);
    }

    @Override
    public Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(InventoryStores.sections());
        builder.addStateStore(InventoryStores.holds());
        builder.addStateStore(InventoryStores.expiry());
        builder.addStateStore(InventoryStores.sectionHolds());

        builder.addStateStore(InventoryStores.sales());
        builder.addStateStore(InventoryStores.quotas());
        builder.addStateStore(InventoryStores.retirements());
        // Every task can see every section's published availability, to offer other sections.
        builder.globalTable(Topics.AVAILABILITY.name(),
                Consumed.with(Serdes.String(), JsonSerde.of(AvailabilityEvent.class)).withName("availability-in"),
                Materialized.as(InventoryStores.AVAILABILITY));

        // The sale's task: its state, and each buyer's quota. Hold requests and hold events are
        // re-keyed by sale to meet the sale's own events there (co-partitioned with the sales topic).
        KStream<String, Object> saleEvents = builder.stream(Topics.SALES.name(),
                        Consumed.with(Serdes.String(), JsonSerde.events(Topics.SALES)).withName("sales"))
                .mapValues(v -> (Object) v, Named.as("sale-as-input"));
        KStream<String, Object> requestsBySale = builder.stream(Topics.HOLD_COMMANDS.name(),
                        Consumed.with(Serdes.String(), JsonSerde.events(Topics.HOLD_COMMANDS)).withName("hold-commands"))
                .selectKey((section, c) -> c.meta().saleId(), Named.as("request-by-sale"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(HoldCommand.class))
                        .withName("requests-by-sale").withNumberOfPartitions(partitions))
                .mapValues(v -> (Object) v, Named.as("request-as-input"));
        KStream<String, Object> holdsBySale = builder.stream(Topics.HOLDS.name(),
                        Consumed.with(Serdes.String(), JsonSerde.events(Topics.HOLDS)).withName("holds-in"))
                .selectKey((section, e) -> e.meta().saleId(), Named.as("hold-by-sale"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(HoldEvent.class))
                        .withName("holds-by-sale").withNumberOfPartitions(partitions))
                .mapValues(v -> (Object) v, Named.as("hold-as-input"));
        KStream<String, Object> fromSales = saleEvents.merge(requestsBySale, Named.as("sale-and-requests"))
                .merge(holdsBySale, Named.as("sale-inputs"))
                .process(() -> new SaleProcessor(retention), Named.as("sale"), InventoryStores.SALES,
                        InventoryStores.QUOTAS, InventoryStores.RETIREMENTS);
        fromSales.filter((key, v) -> v instanceof HoldRejected, Named.as("limit-rejections"))
                .mapValues(v -> (HoldEvent) v, Named.as("rejection-as-hold-event"))
                .to(Topics.HOLDS.name(), Produced.with(Serdes.String(), JsonSerde.of(HoldEvent.class))
                        .withName("limit-rejections-out"));
        KStream<String, Object> sections = fromSales
                .filter((key, v) -> v instanceof SectionUpdate, Named.as("section-updates-only"))
                .mapValues(v -> (SectionUpdate) v, Named.as("as-section-update"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(SectionUpdate.class))
                        .withName("section-updates").withNumberOfPartitions(partitions))
                .mapValues(v -> (Object) v, Named.as("update-as-input"));
        KStream<String, Object> commands = fromSales
                .filter((key, v) -> v instanceof HoldRequested, Named.as("allowed-requests-only"))
                .mapValues(v -> (HoldCommand) v, Named.as("as-hold-command"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(HoldCommand.class))
                        .withName("allowed-requests").withNumberOfPartitions(partitions))
                .mapValues(v -> (Object) v, Named.as("command-as-input"));

        KStream<String, Object> payments = builder.stream(Topics.PAYMENTS.name(),
                        Consumed.with(Serdes.String(), JsonSerde.events(Topics.PAYMENTS)).withName("payments"))
                .selectKey((holdId, p) -> Keys.section(p.meta().saleId(), p.sectionId()), Named.as("payment-by-section"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(PaymentEvent.class))
                        .withName("payment-outcomes").withNumberOfPartitions(partitions))
                .mapValues(v -> (Object) v, Named.as("payment-as-input"));

        KStream<String, Object> checkouts = builder.stream(Topics.CHECKOUTS.name(),
                        Consumed.with(Serdes.String(), JsonSerde.events(Topics.CHECKOUTS)).withName("checkouts"))
                .selectKey((holdId, c) -> Keys.section(c.meta().saleId(), ((CheckoutRequested) c).sectionId()),
                        Named.as("checkout-by-section"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(CheckoutEvent.class))
                        .withName("checkouts-by-section").withNumberOfPartitions(partitions))
                .mapValues(v -> (Object) v, Named.as("checkout-as-input"));

        KStream<String, Event> out = commands.merge(sections, Named.as("commands-and-sections"))
                .merge(payments, Named.as("with-payments"))
                .merge(checkouts, Named.as("all-inputs"))
                .process(() -> new InventoryProcessor(sweep, availability), Named.as("seats"),
                        InventoryStores.SECTIONS, InventoryStores.HOLDS, InventoryStores.EXPIRY,
                        InventoryStores.SECTION_HOLDS);
        out.filter((key, e) -> e instanceof HoldEvent, Named.as("hold-events"))
                .mapValues(e -> (HoldEvent) e, Named.as("as-hold-event"))
                .to(Topics.HOLDS.name(), Produced.with(Serdes.String(), JsonSerde.of(HoldEvent.class))
                        .withName("holds"));
        out.filter((key, e) -> e instanceof CheckoutAnswer, Named.as("checkout-answers"))
                .mapValues(e -> (CheckoutAnswer) e, Named.as("as-checkout-answer"))
                .to(Topics.CHECKOUT_ANSWERS.name(), Produced.with(Serdes.String(), JsonSerde.of(CheckoutAnswer.class))
                        .withName("checkout-answers-out"));
        // A null is a forgotten section's tombstone: the compacted topic drops it.
        out.filter((key, e) -> e == null || e instanceof SectionAvailability, Named.as("availability-events"))
                .mapValues(e -> (AvailabilityEvent) e, Named.as("as-availability"))
                .to(Topics.AVAILABILITY.name(), Produced.with(Serdes.String(), JsonSerde.of(AvailabilityEvent.class))
                        .withName("availability"));
        return builder.build();
    }
}
