package io.floodgate.gateway.console;

import io.floodgate.contracts.ConsumerGroups;
import io.floodgate.platform.kafka.KafkaClients;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How far each service's consumer group is behind its input topics, from Kafka itself (committed
 * offsets against the latest), so the console needs nothing from the services. Refreshed in the
 * background every two seconds; requests only read the last figures, so a slow Kafka never holds
 * up the operators' controls.
 */
@Singleton
public final class ConsumerLag implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLag.class);
    /** Consumer group (a Streams application id is one) -> the service it belongs to. */
    static final Map<String, String> GROUPS = Map.of(
            ConsumerGroups.QUEUE, "queue-service",
            ConsumerGroups.INVENTORY, "inventory-service",
            ConsumerGroups.PAYMENTS, "payment-service (charges)",
            ConsumerGroups.REFUNDS, "payment-service (refunds)",
            ConsumerGroups.ORDERS_LEDGER, "payment-service (orders ledger)");

    private final Admin admin;
    private volatile Map<String, Long> last = Map.of();

    public ConsumerLag(KafkaClients clients) {
        this.admin = clients.admin();
    }

    /** Records behind, per service, as of the last refresh; a group with nothing committed yet is absent. */
    public Map<String, Long> byService() {
        return last;
    }

    @Scheduled(fixedDelay = "2s", initialDelay = "2s")
    void refresh() {
        Map<String, Long> lag = new LinkedHashMap<>();
        for (Map.Entry<String, String> group : GROUPS.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .toList()) {
            try {
                lag.put(group.getValue(), lagOf(group.getKey()));
            } catch (Exception e) {
                LOG.debug("no lag for {}: {}", group.getKey(), e.toString());
            }
        }
        last = Collections.unmodifiableMap(lag);
    }

    private long lagOf(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(2, TimeUnit.SECONDS);
        if (committed.isEmpty()) {
            throw new IllegalStateException("nothing committed yet");
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet()
                .stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(2, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> c : committed.entrySet()) {
            if (c.getValue() != null && ends.containsKey(c.getKey())) {
                lag += Math.max(0, ends.get(c.getKey()).offset() - c.getValue().offset());
            }
        }
        return lag;
    }

    @PreDestroy
    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
