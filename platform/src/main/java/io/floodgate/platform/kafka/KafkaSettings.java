package io.floodgate.platform.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.MapFormat;

import java.util.Map;

/**
 * How to reach Kafka ({@code floodgate.kafka.*}). {@code properties} passes any client setting
 * through (security, SASL, TLS), e.g. {@code floodgate.kafka.properties.security.protocol=SSL}.
 */
@ConfigurationProperties("floodgate.kafka")
public record KafkaSettings(
        @Bindable(defaultValue = "127.0.0.1:9092") String bootstrapServers,
        @MapFormat(transformation = MapFormat.MapTransformation.FLAT) Map<String, String> properties) {

    public KafkaSettings {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
