package io.floodgate.gateway.publish;

import io.floodgate.platform.kafka.KafkaClients;
import io.floodgate.platform.kafka.KafkaSettings;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class EventPublisherTest {
    private final PublishSettings settings = new PublishSettings(Duration.ofSeconds(2), Duration.ofSeconds(8));

    @Test
    void oneRequestLeavesTimeForARetryWithinTheDeliveryTimeout() {
        Map<String, Object> config = settings.producerConfig();
        int request = (Integer) config.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        int delivery = (Integer) config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        assertTrue(2 * request <= delivery, config.toString());
    }

    @Test
    void operatorsKafkaPropertiesDoNotMoveThePublishBound() {
        // Kafka refuses request.timeout.ms above delivery.timeout.ms: with the operator's 30 s winning, no gateway.
        KafkaClients clients = new KafkaClients(new KafkaSettings("127.0.0.1:1",
                Map.of("request.timeout.ms", "30000", "max.block.ms", "60000")));
        new EventPublisher(clients, settings).close();
    }
}
