package io.floodgate.platform.streams;

import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.platform.deadletter.DeadLetters;
import io.floodgate.platform.kafka.KafkaClients;
import io.floodgate.platform.kafka.TopicProvisioner;
import io.floodgate.platform.kafka.TopicSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Runs the service's {@link StreamsApp} under exactly_once_v2 once its topics exist. */
@Singleton
@Requires(classes = KafkaStreams.class)
@Requires(beans = StreamsApp.class)
public final class StreamsRunner implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);

    private final StreamsApp app;
    private final KafkaClients clients;
    private final TopicProvisioner provisioner;
    private final TopicSettings topicSettings;
    private final StreamsSettings settings;
    private final MeterRegistry registry;
    private final DeadLetters deadLetters;
    private volatile KafkaStreams streams;
    private volatile KafkaStreamsMetrics metrics;

    public StreamsRunner(StreamsApp app, KafkaClients clients, TopicProvisioner provisioner,
                         TopicSettings topicSettings, StreamsSettings settings, MeterRegistry registry,
                         DeadLetters deadLetters) {
        this.app = app;
        this.clients = clients;
        this.provisioner = provisioner;
        this.topicSettings = topicSettings;
        this.settings = settings;
        this.registry = registry;
        this.deadLetters = deadLetters;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        List<Topic<?>> topics = new ArrayList<>(app.topics());
        topics.add(Topics.DEAD_LETTERS);
        provisioner.provision(topics);
        KafkaStreams started = new KafkaStreams(app.topology(), properties());
        // A failing record must not kill the whole instance silently: replace the thread and log.
        started.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        // Streams' own metrics, consumer lag (records-lag-max) among them, on /prometheus.
        metrics = new KafkaStreamsMetrics(started);
        metrics.bindTo(registry);
        started.start();
        streams = started;
        LOG.info("{} started", app.applicationId());
    }

    /** The current state, or null before the app has started. */
    public KafkaStreams.State state() {
        KafkaStreams s = streams;
        return s == null ? null : s.state();
    }

    @PreDestroy
    void stop() {
        KafkaStreams s = streams;
        if (s != null) {
            s.close(Duration.ofSeconds(20));
            metrics.close();
        }
    }

    private Properties properties() {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        defaults.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir());
        defaults.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        defaults.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitIntervalMs());
        defaults.put(StreamsConfig.REPLICATION_FACTOR_CONFIG,
                topicSettings.replicationFactor() > 0 ? (int) topicSettings.replicationFactor() : -1);
        defaults.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), settings.sessionTimeoutMs());
        // Streams' default linger of 100 ms would sit in every buyer-facing answer.
        defaults.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        settings.instanceId().ifPresent(id -> defaults.put(
                StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), id));
        defaults.putAll(DeadLetterHandler.config(deadLetters.reader(app.applicationId())));
        Map<String, Object> config = clients.config(defaults);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, app.applicationId());
        Properties props = new Properties();
        props.putAll(config);
        return props;
    }
}
