package io.floodgate.platform.streams;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.Optional;

/**
 * Kafka Streams settings ({@code floodgate.streams.*}).
 *
 * @param stateDir          where RocksDB stores live; keep it on local disk
 * @param standbyReplicas   warm copies of each store on other instances, for fast fail-over
 * @param commitIntervalMs  how often a transaction commits: the floor of end-to-end latency
 * @param sessionTimeoutMs  how soon a dead instance's partitions move elsewhere
 * @param instanceId        a stable name for this instance (static membership): restarted with the
 *                          same name within the session timeout, it takes its partitions back at
 *                          once, with no rebalance; unique per instance, e.g. the pod's name
 */
@ConfigurationProperties("floodgate.streams")
public record StreamsSettings(
        @Bindable(defaultValue = "${java.io.tmpdir}/floodgate-streams") String stateDir,
        @Bindable(defaultValue = "0") int standbyReplicas,
        @Bindable(defaultValue = "50") int commitIntervalMs,
        @Bindable(defaultValue = "10000") int sessionTimeoutMs,
        Optional<String> instanceId) {
}
