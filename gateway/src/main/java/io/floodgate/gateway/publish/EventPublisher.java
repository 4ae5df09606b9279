package io.floodgate.gateway.publish;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topic;
import io.floodgate.platform.kafka.KafkaClients;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.concurrent.CompletableFuture;

/** Publishes the gateway's events; the future completes once every in-sync replica has the record. */
@Singleton
public final class EventPublisher {
    private final KafkaProducer<String, Event> producer;

    public EventPublisher(KafkaClients clients) {
        this.producer = clients.producer("gateway");
    }

    public <E extends Event> CompletableFuture<RecordMetadata> publish(Topic<E> topic, String key, E event) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic.name(), key, event), (metadata, error) -> {
            if (error != null) {
                acked.completeExceptionally(error);
            } else {
                acked.complete(metadata);
            }
        });
        return acked;
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
