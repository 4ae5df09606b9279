package io.floodgate.gateway.publish;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.platform.kafka.KafkaClients;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes the gateway's events; the future completes once every in-sync replica has the record,
 * or fails within {@link PublishSettings#bound()}. A send can block (for metadata or buffer space)
 * while brokers are away, so sends run on threads of their own, never on the HTTP event loop. A
 * send blocks only until its topic's metadata is known, so the gateway's topics are looked up at
 * startup, and there are enough threads that sends blocked on one topic leave others to the rest.
 */
@Singleton
public final class EventPublisher {
    /** Sends waiting for a thread; beyond, a request is refused at once rather than queued without bound. */
    private static final int MAX_WAITING_SENDS = 10_000;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    /** Threads mostly hand records to the producer and return; many only ever wait on a broker. */
    private static final int SENDER_THREADS = 16;
    /** Every topic the gateway writes to. */
    static final List<Topic<?>> TOPICS = List.of(Topics.SALES, Topics.ARRIVALS, Topics.HOLD_COMMANDS, Topics.CHECKOUTS);
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final KafkaProducer<String, Event> producer;
    private final ThreadPoolExecutor senders;
    private final long boundMs;

    public EventPublisher(KafkaClients clients, PublishSettings settings) {
        this.producer = clients.producer("gateway", settings.producerConfig());
        this.boundMs = settings.bound().toMillis();
        AtomicInteger count = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(SENDER_THREADS, SENDER_THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_WAITING_SENDS), task -> {
                    Thread thread = new Thread(task, "gateway-publish-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        TOPICS.forEach(topic -> senders.execute(() -> lookUp(topic)));
    }

    /** Fetches a topic's metadata before the first request needs it; a send would do it again if this failed. */
    private void lookUp(Topic<?> topic) {
        try {
            producer.partitionsFor(topic.name());
        } catch (RuntimeException e) {
            LOG.warn("Metadata of {} not known yet ({}); the first send will wait for it", topic.name(), e.toString());
        }
    }

    public <E extends Event> CompletableFuture<RecordMetadata> publish(Topic<E> topic, String key, E event) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<RecordMetadata>()
                .orTimeout(boundMs, TimeUnit.MILLISECONDS);
        ProducerRecord<String, Event> record = new ProducerRecord<>(topic.name(), key, event);
        try {
            senders.execute(() -> send(record, acked));
        } catch (RejectedExecutionException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    private void send(ProducerRecord<String, Event> record, CompletableFuture<RecordMetadata> acked) {
        if (acked.isDone()) {
            return; // it waited past the bound and was answered as not recorded: it must not be recorded now
        }
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    acked.completeExceptionally(error);
                } else {
                    acked.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
    }

    @PreDestroy
    void close() {
        senders.shutdownNow();
        producer.close(CLOSE_WAIT);
    }
}
