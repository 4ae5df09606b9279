package io.floodgate.platform.kafka;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topic;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Builds Kafka clients with the project's safe defaults on top of {@link KafkaSettings}. */
@Singleton
public final class KafkaClients {
    /** Only committed records (never an aborted Streams transaction's); offsets committed by hand. */
    private static final Map<String, Object> CONSUMER_DEFAULTS = Map.of(
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");

    private final KafkaSettings settings;

    public KafkaClients(KafkaSettings settings) {
        this.settings = settings;
    }

    /** Our defaults, then the operator's {@code floodgate.kafka.properties}, which win. */
    public Map<String, Object> config(Map<String, Object> defaults) {
        Map<String, Object> config = new HashMap<>(defaults);
        config.putAll(settings.properties());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        return config;
    }

    public Admin admin() {
        return Admin.create(config(Map.of()));
    }

    /**
     * A producer that acknowledges only what every in-sync replica has: acks=all with
     * idempotence, so a retry can neither lose nor duplicate a record.
     */
    public KafkaProducer<String, Event> producer(String clientId) {
        return producer(clientId, Map.of());
    }

    /**
     * The same producer with bounds of the caller's (its time bounds, say) on top of ours and of the
     * operator's {@code floodgate.kafka.properties}: the caller promises its answers within them, so
     * a property passed through for every client must not move them.
     */
    public KafkaProducer<String, Event> producer(String clientId, Map<String, Object> bounds) {
        Map<String, Object> config = config(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
        config.putAll(bounds);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaProducer<>(config, new StringSerializer(), JsonSerde.of(Event.class));
    }

    /**
     * A consumer with no group, reading several topics: the caller assigns partitions itself,
     * typically all of them, to build a view every instance keeps in full.
     */
    public KafkaConsumer<String, Event> viewConsumer(String clientId, Collection<Topic<?>> topics) {
        Map<String, Object> config = config(CONSUMER_DEFAULTS);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaConsumer<>(config, new StringDeserializer(), new CatalogueDeserializer(topics));
    }

    /** A consumer in {@code groupId} that commits offsets itself, after the work is done. */
    public <E extends Event> KafkaConsumer<String, E> groupConsumer(String groupId, Topic<E> topic,
                                                                    Map<String, Object> overrides) {
        Map<String, Object> defaults = new HashMap<>(CONSUMER_DEFAULTS);
        defaults.putAll(overrides);
        Map<String, Object> config = config(defaults);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        return new KafkaConsumer<>(config, new StringDeserializer(), JsonSerde.events(topic));
    }
}
