package io.floodgate.platform.kafka;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topic;
import io.floodgate.platform.deadletter.DeadLetters;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A poll loop on its own thread. A batch that fails is not skipped: the consumer seeks back to
 * the batch's first records (on the partitions it still owns) and retries after a pause, so
 * handlers must be idempotent. With {@code commit}, offsets are committed only after the handler
 * returned. A record that cannot be read never reaches the handler: the loop steps over it
 * ({@link DeadLetters}). A fault the loop cannot retry stops it; {@link #alive()} then says so, for health.
 */
public final class ConsumerLoop<E extends Event> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    /** Handles one polled batch. */
    @FunctionalInterface
    public interface BatchHandler<E> {
        void handle(ConsumerRecords<String, E> records) throws Exception;
    }

    private final String name;
    private final KafkaConsumer<String, E> consumer;
    private final Consumer<KafkaConsumer<String, E>> attach;
    private final BatchHandler<E> handler;
    private final boolean commit;
    private final DeadLetters.Reader unreadable;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param attach subscribes the consumer to a group's topics, or assigns partitions itself
     */
    public ConsumerLoop(String name, KafkaConsumer<String, E> consumer, Consumer<KafkaConsumer<String, E>> attach,
                        BatchHandler<E> handler, boolean commit, DeadLetters deadLetters) {
        this.name = name;
        this.unreadable = deadLetters.reader(name);
        this.consumer = consumer;
        this.attach = attach;
        this.handler = handler;
        this.commit = commit;
        this.thread = new Thread(this::run, name);
    }

    /** Assigns every partition of {@code topics} and starts from their beginning: a view every instance keeps whole. */
    public static <E extends Event> void readWholly(KafkaConsumer<String, E> consumer, List<Topic<?>> topics) {
        List<TopicPartition> partitions = topics.stream()
                .flatMap(t -> consumer.partitionsFor(t.name()).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Hands over every record up to the assigned partitions' current ends, on the calling thread. */
    public static <E extends Event> void catchUp(KafkaConsumer<String, E> consumer, DeadLetters.Reader unreadable,
                                                 Consumer<ConsumerRecord<String, E>> apply) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            poll(consumer, unreadable, false).forEach(apply);
        }
    }

    /**
     * Polls, stepping over a record that cannot be read: the poll that meets it fails (after the
     * polls that returned the records before it), so the consumer seeks past it. With {@code commit}
     * the step is committed, so a restart does not meet it again. If its dead letter cannot be
     * written the consumer stays on it and tries again after a pause.
     */
    static <E> ConsumerRecords<String, E> poll(KafkaConsumer<String, E> consumer, DeadLetters.Reader unreadable,
                                               boolean commit) {
        try {
            return withoutTombstones(consumer.poll(POLL), unreadable);
        } catch (RecordDeserializationException e) {
            TopicPartition partition = e.topicPartition();
            try {
                unreadable.unreadable(partition.topic(), partition.partition(), e.offset(),
                        Utils.toNullableArray(e.keyBuffer()), Utils.toNullableArray(e.valueBuffer()), e.getCause());
            } catch (Exception writeFailed) {
                LOG.error("cannot write the dead letter of {} at {}; trying again in {}", partition, e.offset(),
                        RETRY_PAUSE, writeFailed);
                pause();
                return ConsumerRecords.empty();
            }
            consumer.seek(partition, e.offset() + 1);
            if (commit) {
                try {
                    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(e.offset() + 1)));
                } catch (CommitFailedException | RebalanceInProgressException lost) {
                    // The partition moved: its new owner meets the record again and steps over it too.
                    LOG.warn("cannot commit the step over {} at {}", partition, e.offset(), lost);
                }
            }
            return ConsumerRecords.empty();
        }
    }

    /** The consumer hands null values over without asking the deserializer, so they are taken out here. */
    private static <E> ConsumerRecords<String, E> withoutTombstones(ConsumerRecords<String, E> records,
                                                                    DeadLetters.Reader unreadable) {
        boolean any = false;
        for (ConsumerRecord<String, E> record : records) {
            if (record.value() == null) {
                unreadable.tombstone(record.topic(), record.partition(), record.offset());
                any = true;
            }
        }
        if (!any) {
            return records;
        }
        Map<TopicPartition, List<ConsumerRecord<String, E>>> kept = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, E>> values = records.records(partition).stream()
                    .filter(r -> r.value() != null).toList();
            if (!values.isEmpty()) {
                kept.put(partition, values);
            }
        }
        return new ConsumerRecords<>(kept, records.nextOffsets());
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
            throw new InterruptException(interrupted);
        }
    }

    public ConsumerLoop<E> start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            attach.accept(consumer);
            while (running) {
                ConsumerRecords<String, E> records = poll(consumer, unreadable, commit);
                try {
                    handler.handle(records);
                    if (commit && !records.isEmpty()) {
                        consumer.commitSync();
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (Exception e) {
                    LOG.error("{}: batch of {} failed; retrying it in {}", name, records.count(), RETRY_PAUSE, e);
                    rewind(consumer, records);
                    Thread.sleep(RETRY_PAUSE.toMillis());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("{}: woken up while running; the loop stops", name, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("{}: the loop stopped", name, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Goes back to the records' start on the partitions still assigned; the others start over at their new owner. */
    public static <E> void rewind(KafkaConsumer<String, E> consumer, ConsumerRecords<String, E> records) {
        for (TopicPartition partition : records.partitions()) {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }

    /** Whether the loop still consumes: it ends only when closed, or on a fault that needs a restart. */
    public boolean alive() {
        return thread.isAlive();
    }

    public String name() {
        return name;
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
