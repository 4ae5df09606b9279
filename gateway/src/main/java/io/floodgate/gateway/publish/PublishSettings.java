package io.floodgate.gateway.publish;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.time.Duration;
import java.util.Map;

/**
 * {@code floodgate.gateway.publish.*}: how long recording a request in Kafka may take. Kafka's own
 * defaults (block 60 s for metadata or buffer space, deliver for up to 120 s) would hold a buyer's
 * request for minutes while the brokers are away; with these, every request that records
 * something is answered within {@link #bound()}, with 503 UNAVAILABLE and Retry-After if Kafka
 * did not acknowledge it.
 *
 * @param maxBlock        how long a send may wait for the topic's metadata or for buffer space
 * @param deliveryTimeout how long Kafka may take to acknowledge a record once sent, retries included
 */
@ConfigurationProperties("floodgate.gateway.publish")
public record PublishSettings(@Bindable(defaultValue = "2s") Duration maxBlock,
                              @Bindable(defaultValue = "8s") Duration deliveryTimeout) {

    public PublishSettings {
        if (maxBlock.isNegative() || deliveryTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("floodgate.gateway.publish: max-block must be >= 0 and "
                    + "delivery-timeout > 0");
        }
    }

    /** The longest a publish takes, from the call to its acknowledgement or failure. */
    public Duration bound() {
        return maxBlock.plus(deliveryTimeout);
    }

    /**
     * These win over {@code floodgate.kafka.properties}. One request may take half of delivery's
     * time (linger is 0), so a broker that hangs on one attempt leaves time for a retry elsewhere.
     */
    Map<String, Object> producerConfig() {
        int delivery = Math.toIntExact(deliveryTimeout.toMillis());
        return Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, delivery / 2));
    }
}
