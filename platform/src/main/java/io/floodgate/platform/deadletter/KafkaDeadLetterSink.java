package io.floodgate.platform.deadletter;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.deadletter.RecordDeadLettered;
import io.floodgate.platform.kafka.KafkaClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Writes dead letters to {@code floodgate.dead-letters}, keyed by the original topic. */
final class KafkaDeadLetterSink implements DeadLetterSink, AutoCloseable {
    private static final Duration ACK_WAIT = Duration.ofSeconds(30);

    private final KafkaClients clients;
    private KafkaProducer<String, Event> producer;

    KafkaDeadLetterSink(KafkaClients clients) {
        this.clients = clients;
    }

    @Override
    public void write(RecordDeadLettered letter) throws Exception {
        producer().send(new ProducerRecord<>(Topics.DEAD_LETTERS.name(), letter.topic(), letter))
                .get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opened at the first dead letter: most services never write one. */
    private synchronized KafkaProducer<String, Event> producer() {
        if (producer == null) {
            producer = clients.producer("dead-letters");
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
