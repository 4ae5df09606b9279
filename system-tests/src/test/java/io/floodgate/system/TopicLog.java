package io.floodgate.system;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.platform.deadletter.DeadLetters;
import io.floodgate.platform.kafka.CatalogueDeserializer;
import io.floodgate.platform.kafka.ConsumerLoop;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads catalogue topics as a downstream system would: committed records, from the start to what
 * was written when the read began. For the tests (the tools read a sale with the audit's KafkaSaleLog).
 */
public final class TopicLog {
    /** One record. */
    public record Entry(String topic, String key, Event event) {
    }

    /** Records no reader can read (a test may write them) are stepped over, as every reader does. */
    private static final DeadLetters.Reader UNREADABLE = new DeadLetters(letter -> { }, new SimpleMeterRegistry(),
            Clock.systemUTC(), "system-tests").reader("topic-log");

    private final String bootstrapServers;

    public TopicLog(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The end offset of every partition of every catalogue topic: what has been written so far. */
    public Map<TopicPartition, Long> ends() {
        try (KafkaConsumer<String, Event> consumer = consumer()) {
            ConsumerLoop.readWholly(consumer, Topics.ALL);
            return consumer.endOffsets(consumer.assignment());
        }
    }

    public List<Entry> readAll() {
        return read(Topics.ALL);
    }

    /** Every record of {@code topics}, partition by partition (in order within a partition). */
    public List<Entry> read(List<Topic<?>> topics) {
        try (KafkaConsumer<String, Event> consumer = consumer()) {
            ConsumerLoop.readWholly(consumer, topics);
            List<Entry> entries = new ArrayList<>();
            ConsumerLoop.catchUp(consumer, UNREADABLE, r -> entries.add(new Entry(r.topic(), r.key(), r.value())));
            return entries;
        }
    }

    private KafkaConsumer<String, Event> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new CatalogueDeserializer(Topics.ALL));
    }
}
