package io.floodgate.platform.kafka;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.deadletter.RecordDeadLettered;
import io.floodgate.contracts.sale.SaleEvent;
import io.floodgate.contracts.sale.SalePaused;
import io.floodgate.contracts.sale.SaleResumed;
import io.floodgate.kit.kafka.EmbeddedKafka;
import io.floodgate.kit.process.Ports;
import io.floodgate.platform.deadletter.DeadLetters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real broker: what a poll meets that cannot be read must not stop the loop. */
class ConsumerLoopTest {
    @TempDir
    static Path dir;
    private static EmbeddedKafka kafka;
    private static KafkaClients clients;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(dir, Ports.free(), Ports.free());
        clients = new KafkaClients(new KafkaSettings(kafka.bootstrapServers(), Map.of()));
        new TopicProvisioner(clients, new TopicSettings(1, (short) 1, true)).provision(List.of(Topics.SALES));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void recordsThatCannotBeReadAreSteppedOverAndTheLoopHandlesTheNextOnes() throws Exception {
        SalePaused before = new SalePaused(EventMeta.of("demo", "c", "r", Instant.now()), "ops", "before");
        SaleResumed after = new SaleResumed(EventMeta.of("demo", "c", "r", Instant.now()), "ops", "after");
        JsonSerde<Event> json = JsonSerde.of(Event.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(clients.config(Map.of()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] value : Arrays.asList(json.serialize("t", before),
                    "{\"type\":\"SaleRescheduled\",\"meta\":{}}".getBytes(StandardCharsets.UTF_8), // a later type
                    null, // a tombstone
                    "{\"type\":\"SalePaused\",".getBytes(StandardCharsets.UTF_8), // cut short
                    json.serialize("t", after))) {
                producer.send(new ProducerRecord<>(Topics.SALES.name(), "demo", value)).get();
            }
        }
        List<RecordDeadLettered> letters = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeadLetters deadLetters = new DeadLetters(letters::add, registry, Clock.systemUTC(), "test");
        List<SaleEvent> handled = new CopyOnWriteArrayList<>();
        KafkaConsumer<String, SaleEvent> consumer = clients.groupConsumer("loop-test", Topics.SALES, Map.of());

        try (ConsumerLoop<SaleEvent> loop = new ConsumerLoop<>("sales", consumer,
                c -> c.subscribe(List.of(Topics.SALES.name())),
                records -> records.forEach(r -> handled.add(r.value())), true, deadLetters).start()) {
            await(() -> handled.size() == 2);

            assertEquals(List.of(before, after), handled);
            assertTrue(loop.alive());
            assertEquals(1, letters.size(), letters.toString());
            assertEquals(3, letters.get(0).offset(), "the malformed record");
            assertEquals(1, registry.get("floodgate.records.skipped").tag("reason", "unknown_type").counter().count());
            assertEquals(1, registry.get("floodgate.records.skipped").tag("reason", "tombstone").counter().count());
        }
        try (Admin admin = clients.admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("loop-test")
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            assertEquals(5, committed.get(new TopicPartition(Topics.SALES.name(), 0)).offset(),
                    "a restart starts after what was stepped over");
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(50);
        }
    }
}
