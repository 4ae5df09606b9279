package io.floodgate.payment.loop;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.payment.calls.PacedCaller;
import io.floodgate.payment.calls.ProviderCall;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.DoubleConsumer;
import java.util.function.Function;

/**
 * Consumes a topic in a group and turns records into paced provider calls. Offsets are committed
 * only once every outcome of a batch is acknowledged by Kafka, so a crash anywhere in between
 * delivers the batch again, and its calls repeat with the same idempotency keys: at most one
 * charge per hold. While a batch waits (pace, outage) the consumer keeps polling with its
 * partitions paused, so it stays in its group however long the provider is down.
 */
public final class PaymentLoop<E extends Event> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentLoop.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final String name;
    private final KafkaConsumer<String, E> consumer;
    private final Topic<E> topic;
    private final Function<E, Optional<ProviderCall>> callFor;
    private final PacedCaller caller;
    private final Producer<String, Event> producer;
    private final DoubleConsumer share;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param share told this instance's share of the topic's partitions after each rebalance
     */
    public PaymentLoop(String name, KafkaConsumer<String, E> consumer, Topic<E> topic,
                       Function<E, Optional<ProviderCall>> callFor, PacedCaller caller,
                       Producer<String, Event> producer, DoubleConsumer share) {
        this.name = name;
        this.consumer = consumer;
        this.topic = topic;
        this.callFor = callFor;
        this.caller = caller;
        this.producer = producer;
        this.share = share;
        this.thread = new Thread(this::run, name);
    }

    public PaymentLoop<E> start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic.name()), new Rebalance());
            while (running) {
                ConsumerRecords<String, E> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    handle(records);
                } catch (WakeupException | InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    LOG.error("{}: batch of {} failed; it will be delivered again in {}", name, records.count(),
                            RETRY_PAUSE, e);
                    rewind(records);
                    Thread.sleep(RETRY_PAUSE.toMillis());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("{}: woken up while running; the loop stops and health reports DOWN", name, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("{}: the loop stopped; health reports DOWN", name, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Whether the loop still consumes (it only ends when closed, or on a fault that needs a restart). */
    public boolean alive() {
        return thread.isAlive();
    }

    public String name() {
        return name;
    }

    private void handle(ConsumerRecords<String, E> records) throws Exception {
        List<ProviderCall> calls = new ArrayList<>();
        for (ConsumerRecord<String, E> record : records) {
            callFor.apply(record.value()).ifPresent(calls::add);
        }
        List<Future<RecordMetadata>> published = new ArrayList<>();
        try {
            caller.run(calls, (call, outcome) -> published.add(producer.send(
                    new ProducerRecord<>(Topics.PAYMENTS.name(), call.holdId(), outcome))), () -> keepAlive(records));
        } finally {
            consumer.resume(consumer.paused());
        }
        for (Future<RecordMetadata> f : published) {
            f.get();
        }
        commit(records);
    }

    /** Stays in the group during a long batch without taking more records. */
    private void keepAlive(ConsumerRecords<String, E> batch) {
        consumer.pause(consumer.assignment());
        ConsumerRecords<String, E> unexpected = consumer.poll(Duration.ZERO);
        if (!unexpected.isEmpty()) { // partitions assigned during the batch: leave them for the next one
            rewind(unexpected);
            consumer.pause(consumer.assignment());
        }
    }

    /** Commits the batch, for the partitions this instance still owns; the others go to their new owner again. */
    private void commit(ConsumerRecords<String, E> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            if (consumer.assignment().contains(partition)) {
                List<ConsumerRecord<String, E>> inPartition = records.records(partition);
                offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
            }
        }
        try {
            consumer.commitSync(offsets);
        } catch (KafkaException e) {
            LOG.warn("{}: commit failed ({}); the batch's outcomes will be published again", name, e.getMessage());
        }
    }

    /** Goes back to the batch's start on the partitions still ours; the others start over at their new owner. */
    private void rewind(ConsumerRecords<String, E> records) {
        for (TopicPartition partition : records.partitions()) {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
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
            // An instance with no partition still refunds and probes: it keeps one partition's share.
            share.accept(Math.max(mine, 1) / (double) total);
            LOG.info("{}: this instance owns {} of {} partitions of {}", name, mine, total, topic.name());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
