package io.floodgate.queue;

import io.floodgate.contracts.ConsumerGroups;
import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.hold.HoldEvent;
import io.floodgate.contracts.line.LineEvent;
import io.floodgate.contracts.queue.QueueEvent;
import io.floodgate.platform.kafka.JsonSerde;
import io.floodgate.platform.kafka.TopicSettings;
import io.floodgate.platform.streams.StreamsApp;
import io.floodgate.queue.line.LineSummaries;
import io.floodgate.queue.line.QueueProcessor;
import io.floodgate.queue.line.QueueStores;
import jakarta.inject.Singleton;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * sales + arrivals + access codes (all keyed by sale, co-partitioned) + holds (re-keyed by sale) -> one
 * processor owning each sale's line -> queue events, and each line's summary (compacted) folded
 * from them.
 */
@Singleton
public final class QueueTopology implements StreamsApp {
    /** How often a changed line's summary is published. */
    static final Duration SUMMARY_EVERY = Duration.ofSeconds(1);

    private final Duration tick;
    private final Duration openingGrace;
    private final Duration closedGrace;
    private final int partitions;

    public QueueTopology(QueueSettings settings, TopicSettings topics) {
        this.tick = Duration.ofMillis(settings.tickMs());
        this.openingGrace = Duration.ofMillis(settings.openingGraceMs());
        this.closedGrace = Duration.ofMillis(settings.closedGraceMs());
        this.partitions = topics.partitions();
    }

    @Override
    public String applicationId() {
        return ConsumerGroups.QUEUE;
    }

    @Override
    public Collection<Topic<?>> topics() {
        return List.of(Topics.SALES, Topics.ARRIVALS, Topics.ACCESS_CODES, Topics.HOLDS, Topics.QUEUE, Topics.LINES);
    }

    @Override
    public Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(QueueStores.lines());
        builder.addStateStore(QueueStores.buyers());
        builder.addStateStore(QueueStores.order());
        builder.addStateStore(QueueStores.shoppers());
        builder.addStateStore(QueueStores.windows());
        builder.addStateStore(QueueStores.summaries());
        builder.addStateStore(QueueStores.accessCodes());
        builder.addStateStore(QueueStores.accessCodeCounts());
        KStream<String, Event> sales = builder.stream(Topics.SALES.name(),
                        Consumed.with(Serdes.String(), JsonSerde.events(Topics.SALES)).withName("sales"))
                .mapValues(e -> (Event) e, Named.as("sale-as-event"));
        KStream<String, Event> arrivals = builder.stream(Topics.ARRIVALS.name(),
                        Consumed.with(Serdes.String(), JsonSerde.events(Topics.ARRIVALS)).withName("arrivals"))
                .mapValues(e -> (Event) e, Named.as("arrival-as-event"));
        KStream<String, Event> accessCodes = builder.stream(Topics.ACCESS_CODES.name(),
                        Consumed.with(Serdes.String(), JsonSerde.events(Topics.ACCESS_CODES)).withName("access-codes"))
                .mapValues(e -> (Event) e, Named.as("access-codes-as-event"));
        // Holds are keyed by section upstream; the line counts them per sale.
        KStream<String, Event> holds = builder.stream(Topics.HOLDS.name(),
                        Consumed.with(Serdes.String(), JsonSerde.events(Topics.HOLDS)).withName("holds"))
                .selectKey((section, e) -> e.meta().saleId(), Named.as("hold-by-sale"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(HoldEvent.class))
                        .withName("holds-by-sale").withNumberOfPartitions(partitions))
                .mapValues(e -> (Event) e, Named.as("hold-as-event"));
        KStream<String, QueueEvent> queue = sales.merge(arrivals, Named.as("sales-and-arrivals"))
                .merge(accessCodes, Named.as("with-access-codes"))
                .merge(holds, Named.as("all-inputs"))
                .process(() -> new QueueProcessor(tick, openingGrace, closedGrace), Named.as("line"), QueueStores.LINES, QueueStores.BUYERS,
                        QueueStores.ORDER, QueueStores.SHOPPERS, QueueStores.WINDOWS, QueueStores.ACCESS_CODES,
                        QueueStores.ACCESS_CODE_COUNTS);
        queue.to(Topics.QUEUE.name(), Produced.with(Serdes.String(), JsonSerde.of(QueueEvent.class)).withName("queue"));
        queue.process(() -> new LineSummaries(SUMMARY_EVERY), Named.as("line-summaries"), QueueStores.SUMMARIES,
                        QueueStores.LINES)
                .to(Topics.LINES.name(), Produced.with(Serdes.String(), JsonSerde.of(LineEvent.class))
                        .withName("lines"));
        return builder.build();
    }
}
