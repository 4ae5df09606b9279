package io.floodgate.queue;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.arrival.ArrivalEvent;
import io.floodgate.contracts.queue.QueueEvent;
import io.floodgate.contracts.sale.SaleEvent;
import io.floodgate.platform.kafka.JsonSerde;
import io.floodgate.platform.streams.StreamsApp;
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

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * sales + arrivals (both keyed by sale, co-partitioned) -> one processor owning each sale's line
 * -> queue events.
 */
@Singleton
public final class QueueTopology implements StreamsApp {
    private final Duration tick;

    public QueueTopology(QueueSettings settings) {
        this.tick = Duration.ofMillis(settings.tickMs());
    }

    @Override
    public String applicationId() {
        return "floodgate-queue";
    }

    @Override
    public Collection<Topic<?>> topics() {
        return List.of(Topics.SALES, Topics.ARRIVALS, Topics.QUEUE);
    }

    @Override
    public Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(QueueStores.lines());
        builder.addStateStore(QueueStores.buyers());
        builder.addStateStore(QueueStores.order());
        KStream<String, Event> sales = builder.stream(Topics.SALES.name(),
                        Consumed.with(Serdes.String(), JsonSerde.of(SaleEvent.class)).withName("sales"))
                .mapValues(e -> (Event) e, Named.as("sale-as-event"));
        KStream<String, Event> arrivals = builder.stream(Topics.ARRIVALS.name(),
                        Consumed.with(Serdes.String(), JsonSerde.of(ArrivalEvent.class)).withName("arrivals"))
                .mapValues(e -> (Event) e, Named.as("arrival-as-event"));
        sales.merge(arrivals, Named.as("sales-and-arrivals"))
                .process(() -> new QueueProcessor(tick), Named.as("line"),
                        QueueStores.LINES, QueueStores.BUYERS, QueueStores.ORDER)
                .to(Topics.QUEUE.name(), Produced.with(Serdes.String(), JsonSerde.of(QueueEvent.class))
                        .withName("queue"));
        return builder.build();
    }
}
