package io.floodgate.payment.loop;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.payment.calls.PacedCaller;
import io.floodgate.payment.calls.ProviderCall;
import io.floodgate.platform.kafka.ConsumerLoop;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Turns a consumer's batches into paced provider calls, for a {@link ConsumerLoop} that commits
 * only after the batch returns: by then every outcome is acknowledged by Kafka, so a crash
 * anywhere in between delivers the batch again, and its calls repeat with the same idempotency
 * keys (at most one charge per hold). While a batch waits (pace, outage), the consumer keeps
 * polling with its partitions paused, so it stays in its group however long the provider is down.
 * A batch whose partitions have all moved to another instance stops there: their new owner takes
 * them over from the last commit.
 */
public final class PaymentBatches<E extends Event> implements ConsumerLoop.BatchHandler<E> {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentBatches.class);

    private final KafkaConsumer<String, E> consumer;
    private final Topic<E> topic;
    private final Function<E, Optional<ProviderCall>> callFor;
    private final PacedCaller caller;
    private final Producer<String, Event> producer;
    private final Owned owned;
    /** The partitions of the batch under way. */
    private Set<TopicPartition> batch = Set.of();

    /** Told how many of the topic's partitions this instance owns, after each rebalance. */
    @FunctionalInterface
    public interface Owned {
        void owned(int mine, int total);
    }

    public PaymentBatches(KafkaConsumer<String, E> consumer, Topic<E> topic,
                          Function<E, Optional<ProviderCall>> callFor, PacedCaller caller,
                          Producer<String, Event> producer, Owned owned) {
        this.consumer = consumer;
        this.topic = topic;
        this.callFor = callFor;
        this.caller = caller;
        this.producer = producer;
        this.owned = owned;
    }

    /** Subscribes the consumer (the loop's attach step), following its share of the partitions. */
    public void subscribe(KafkaConsumer<String, E> c) {
        c.subscribe(List.of(topic.name()), new Rebalance());
    }

    @Override
    public void handle(ConsumerRecords<String, E> records) throws Exception {
        List<ProviderCall> calls = new ArrayList<>();
        Set<TopicPartition> partitions = new HashSet<>();
        for (ConsumerRecord<String, E> record : records) {
            callFor.apply(record.value()).ifPresent(call -> {
                calls.add(call);
                partitions.add(new TopicPartition(record.topic(), record.partition()));
            });
        }
        if (calls.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> published = new ArrayList<>();
        batch = partitions;
        try {
            caller.run(calls, (call, outcome) -> published.add(producer.send(
                    new ProducerRecord<>(Topics.PAYMENTS.name(), call.holdId(), outcome))), this::keepAlive);
        } catch (Moved moved) {
            LOG.info("{}: the batch's partitions moved to another instance; it takes over their calls", topic.name());
        } finally {
            batch = Set.of();
            consumer.resume(consumer.paused());
        }
        for (Future<RecordMetadata> f : published) {
            f.get();
        }
    }

    /** Stays in the group during a long batch without taking more records. */
    private void keepAlive() {
        consumer.pause(consumer.assignment());
        ConsumerRecords<String, E> unexpected = consumer.poll(Duration.ZERO);
        if (!unexpected.isEmpty()) { // partitions assigned during the batch: leave them for the next one
            ConsumerLoop.rewind(consumer, unexpected);
            consumer.pause(consumer.assignment());
        }
        if (Collections.disjoint(consumer.assignment(), batch)) {
            throw new Moved();
        }
    }

    /** The batch's partitions all belong to another instance now. */
    private static final class Moved extends RuntimeException {
        Moved() {
            super(null, null, false, false);
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            int total = consumer.partitionsFor(topic.name()).size();
            int mine = (int) consumer.assignment().stream().filter(p -> p.topic().equals(topic.name())).count();
            owned.owned(mine, total);
            LOG.info("{}: this instance owns {} of {} partitions", topic.name(), mine, total);
        }
    }
}
