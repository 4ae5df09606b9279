package io.floodgate.gateway.view;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.line.LineSummary;
import io.floodgate.platform.deadletter.DeadLetters;
import io.floodgate.platform.kafka.ConsumerLoop;
import io.floodgate.platform.kafka.KafkaClients;
import io.floodgate.platform.kafka.TopicProvisioner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds {@link GatewayView} from the topics, from their beginning, on every instance (no consumer
 * group: each instance needs the whole view). The instance is ready once it has caught up with
 * what was on the topics when it started.
 */
@Singleton
public final class ViewFeed implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ViewFeed.class);
    /** What the gateway reads. It also writes sales, arrivals, access codes, hold commands and checkouts. */
    static final List<Topic<?>> READS = List.of(Topics.SALES, Topics.QUEUE, Topics.HOLD_COMMANDS, Topics.HOLDS,
            Topics.CHECKOUTS, Topics.PAYMENTS, Topics.PAYMENT_PROVIDER, Topics.AVAILABILITY, Topics.LINES);

    private final KafkaClients clients;
    private final TopicProvisioner provisioner;
    private final GatewayView view;
    private final MeterRegistry registry;
    private final DeadLetters deadLetters;
    private volatile Map<TopicPartition, Long> startupEnds;
    private volatile boolean caughtUp;
    /** Next offset to apply per partition; only the view thread touches it. */
    private final Map<TopicPartition, Long> applied = new HashMap<>();
    private volatile ConsumerLoop<Event> loop;

    public ViewFeed(KafkaClients clients, TopicProvisioner provisioner, GatewayView view, MeterRegistry registry,
                    DeadLetters deadLetters) {
        this.registry = registry;
        this.deadLetters = deadLetters;
        this.clients = clients;
        this.provisioner = provisioner;
        this.view = view;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        provisioner.provision(List.of(Topics.SALES, Topics.ARRIVALS, Topics.QUEUE, Topics.HOLD_COMMANDS,
                Topics.HOLDS, Topics.CHECKOUTS, Topics.PAYMENTS, Topics.PAYMENT_PROVIDER, Topics.AVAILABILITY,
                Topics.LINES, Topics.ACCESS_CODES, Topics.DEAD_LETTERS));
        KafkaConsumer<String, Event> consumer = clients.viewConsumer("gateway-view", READS);
        new KafkaClientMetrics(consumer).bindTo(registry); // the view's lag behind the topics
        loop = new ConsumerLoop<>("gateway-view", consumer, this::attach, records -> apply(consumer, records), false,
                deadLetters).start();
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    /** Whether the view still follows the topics: a loop that stopped leaves it behind for good. */
    public boolean following() {
        ConsumerLoop<Event> l = loop;
        return l != null && l.alive();
    }

    private void attach(KafkaConsumer<String, Event> consumer) {
        ConsumerLoop.readWholly(consumer, READS);
        startupEnds = consumer.endOffsets(consumer.assignment());
    }

    private void apply(KafkaConsumer<String, Event> consumer, ConsumerRecords<String, Event> records) {
        for (ConsumerRecord<String, Event> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            // A failed batch is retried from its start; what was applied already must not count twice.
            if (record.offset() >= applied.getOrDefault(partition, 0L)) {
                // null: a tombstone, for a section inventory has forgotten
                if (record.value() != null && wanted(partition, record)) {
                    view.apply(record.value());
                }
                applied.put(partition, record.offset() + 1);
            }
        }
        view.batchApplied();
        if (!caughtUp && startupEnds.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
            caughtUp = true;
            LOG.info("view caught up with {} partitions", startupEnds.size());
        }
    }

    /**
     * A line's summary stands in for queue records that retention has deleted, so only summaries that
     * were on the topic at startup are applied: one read later could run ahead of the queue records
     * it summarises (they travel on another topic), which the view reads itself anyway.
     */
    private boolean wanted(TopicPartition partition, ConsumerRecord<String, Event> record) {
        return !(record.value() instanceof LineSummary) || record.offset() < startupEnds.getOrDefault(partition, 0L);
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.close();
        }
    }
}
