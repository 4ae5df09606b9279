package io.floodgate.gateway.edge;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.arrival.BuyerArrived;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.gateway.publish.EventPublisher;
import io.floodgate.platform.kafka.CatalogueDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for queue-service's line, over the real broker: every arrival read from the arrivals
 * topic is given a place (the first one for a buyer already in line), so joins are answered 200
 * with a visitor ticket. Only what these tests need: one line per sale, no pre-queue, no admission.
 */
final class FakeLine implements AutoCloseable {
    private final KafkaConsumer<String, Event> consumer;
    private final EventPublisher publisher;
    private final Map<String, Long> places = new HashMap<>();
    private final Map<String, Long> lastPlace = new HashMap<>();
    private final Thread thread;
    private volatile boolean silent;

    FakeLine(GatewayHarness gateway) {
        this.publisher = gateway.bean(EventPublisher.class);
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "fake-line-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new CatalogueDeserializer(Topics.ALL));
        consumer.subscribe(List.of(Topics.ARRIVALS.name()));
        this.thread = new Thread(this::run, "fake-line");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (true) {
                for (ConsumerRecord<String, Event> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.value() instanceof BuyerArrived arrived && !silent) {
                        place(arrived);
                    }
                }
            }
        } catch (WakeupException stopped) {
            consumer.close();
        }
    }

    private void place(BuyerArrived arrived) {
        String saleId = arrived.meta().saleId();
        String key = saleId + "/" + arrived.buyerId();
        boolean repeated = places.containsKey(key);
        long sequence = places.computeIfAbsent(key, k -> lastPlace.merge(saleId, 1L, Long::sum));
        publisher.publish(Topics.QUEUE, saleId, new BuyerQueued(EventMeta.of(saleId, arrived.meta().correlationId(),
                arrived.meta().eventId(), Instant.now()), arrived.buyerId(), sequence, repeated));
    }

    /** While silent, arrivals are dropped unanswered (a slow or lagging line): joins are answered 202 JOINING. */
    void silent(boolean silent) {
        this.silent = silent;
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(5000);
    }
}
