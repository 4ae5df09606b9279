package io.floodgate.platform.kafka;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A poll loop on its own thread. A batch that fails is not skipped: the consumer seeks back to
 * the batch's first records (on the partitions it still owns) and retries after a pause, so
 * handlers must be idempotent. With {@code commit}, offsets are committed only after the handler
 * returned. A fault the loop cannot retry stops it; {@link #alive()} then says so, for health.
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
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param attach subscribes the consumer to a group's topics, or assigns partitions itself
     */
    public ConsumerLoop(String name, KafkaConsumer<String, E> consumer, Consumer<KafkaConsumer<String, E>> attach,
                        BatchHandler<E> handler, boolean commit) {
        this.name = name;
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
    public static <E extends Event> void catchUp(KafkaConsumer<String, E> consumer,
                                                 Consumer<ConsumerRecord<String, E>> apply) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            consumer.poll(POLL).forEach(apply);
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
                ConsumerRecords<String, E> records = consumer.poll(POLL);
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
