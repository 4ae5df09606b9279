package io.floodgate.platform.streams;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;

import java.util.Map;

/** Up while Streams runs or rebalances; down before start, in error, or when stopping. */
@Singleton
@Requires(beans = StreamsRunner.class)
public final class StreamsHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final StreamsRunner runner;

    public StreamsHealthIndicator(StreamsRunner runner) {
        this.runner = runner;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        KafkaStreams.State state = runner.state();
        healthStatus = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING
                ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("state", state == null ? "NOT_STARTED" : state.name());
    }

    @Override
    public String getName() {
        return "kafkaStreams";
    }
}
