package io.floodgate.platform.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How topics are created ({@code floodgate.topics.*}). One partition count for all topics keeps
 * topics that share a key co-partitioned. A replication factor of 0 means the broker's default.
 */
@ConfigurationProperties("floodgate.topics")
public record TopicSettings(
        @Bindable(defaultValue = "6") int partitions,
        @Bindable(defaultValue = "0") short replicationFactor,
        @Bindable(defaultValue = "true") boolean create) {
}
