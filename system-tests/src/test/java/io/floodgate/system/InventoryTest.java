package io.floodgate.system;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Keys;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.hold.HoldEvent;
import io.floodgate.contracts.hold.HoldPlaced;
import io.floodgate.contracts.hold.HoldRejected;
import io.floodgate.contracts.hold.HoldRequested;
import io.floodgate.contracts.hold.RejectionReason;
import io.floodgate.kit.process.FloodgateService;
import io.floodgate.platform.kafka.JsonSerde;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seats under contention, expiry and a crash: ten thousand requests for a hundred seats, with
 * inventory-service killed without warning in the middle and started again on the same state.
 */
class InventoryTest extends StackTest {
    private static final String SALE = "crowd";
    private static final int REQUESTS = 10_000;
    private static final int SEATS = 100;

    @BeforeAll
    void createCrowdSale() {
        createSale("""
                {"saleId": "crowd", "name": "Crowd", "currency": "EUR", "admissionRatePerSecond": 10,
                 "maxActiveShoppers": 100, "perBuyerLimit": 4,
                 "sections": [{"id": "floor", "name": "Floor", "rows": 10, "seatsPerRow": 10, "priceCents": 1000}]}""");
    }

    @Test
    void exactlyAHundredSeatsAreHeldEveryRequestIsAnsweredOnceAndACrashLosesNothing() throws Exception {
        try (KafkaProducer<String, Event> producer = producer(); KafkaConsumer<String, HoldEvent> answers = consumer()) {
            awaitSectionKnown(producer, answers);
            Map<String, HoldEvent> byHold = new HashMap<>();
            Map<String, Integer> answersPerHold = new HashMap<>();

            CompletableFuture<Void> requests = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < REQUESTS; i++) {
                    producer.send(request("h-" + i, 1));
                    if (i % 1000 == 999) {
                        Await.sleep(Duration.ofMillis(200)); // ten thousand over a couple of seconds
                    }
                }
                producer.flush();
            });
            collect(answers, byHold, answersPerHold, 3_000);
            Instant crash = Instant.now();
            stack.restart(FloodgateService.INVENTORY, true);
            Duration restarted = Duration.between(crash, Instant.now());
            int before = byHold.size();
            collect(answers, byHold, answersPerHold, before + 1);
            Duration resumed = Duration.between(crash, Instant.now());
            requests.join();
            collect(answers, byHold, answersPerHold, REQUESTS);
            System.out.printf("inventory killed after %d answers; healthy again after %d ms; answering again %d ms "
                    + "after the kill%n", before, restarted.toMillis(), resumed.toMillis());

            assertEquals(REQUESTS, byHold.size(), "every request answered");
            assertTrue(answersPerHold.values().stream().allMatch(n -> n == 1), "and answered once");
            List<HoldPlaced> placed = byHold.values().stream().filter(HoldPlaced.class::isInstance)
                    .map(HoldPlaced.class::cast).toList();
            Set<String> seats = new HashSet<>();
            placed.forEach(p -> p.seats().forEach(seat -> assertTrue(seats.add(seat), seat + " held twice")));
            assertEquals(SEATS, seats.size(), "exactly the hundred seats are held");
            assertEquals(REQUESTS - SEATS, byHold.values().stream().filter(HoldRejected.class::isInstance)
                    .map(HoldRejected.class::cast).filter(r -> r.reason() == RejectionReason.NOT_ENOUGH_SEATS).count());
            assertTrue(resumed.compareTo(Duration.ofSeconds(30)) < 0, "holds resume within seconds: " + resumed);

            // No accepted hold was lost in the crash: all hundred are still held.
            producer.send(request("after-crash", 1)).get(10, TimeUnit.SECONDS);
            Map<String, HoldEvent> last = new HashMap<>();
            collect(answers, last, new HashMap<>(), 1);
            HoldRejected after = assertInstanceOf(HoldRejected.class, last.get("after-crash"));
            assertEquals(0, after.seatsAvailable());
        }
    }

    @Test
    void anExpiredHoldReturnsItsSeatsAndTheNextBuyerCanHoldThem() throws Exception {
        createSale("""
                {"saleId": "brief", "name": "Brief holds", "currency": "EUR", "admissionRatePerSecond": 50,
                 "maxActiveShoppers": 100, "holdDurationSeconds": 10, "perBuyerLimit": 4,
                 "sections": [{"id": "floor", "name": "Floor", "rows": 1, "seatsPerRow": 2, "priceCents": 1000}]}""");
        String alicePass = admitted("brief", "alice").pass();
        String bobPass = admitted("brief", "bob").pass();

        GatewayClient.Reply aliceHold = holdTwo(gateway, alicePass);
        assertEquals(201, aliceHold.status(), aliceHold.body().toString());
        GatewayClient.Reply bobRefused = holdTwo(gateway, bobPass);
        assertEquals(409, bobRefused.status());
        assertEquals(0, bobRefused.body().path("seatsAvailable").asInt());

        GatewayClient.Reply bobHold = Await.until("seats back after alice's hold expired", () -> holdTwo(gateway, bobPass),
                r -> r.status() == 201);
        assertEquals(List.of("A-1", "A-2"), List.of(bobHold.body().path("seats").get(0).asText(),
                bobHold.body().path("seats").get(1).asText()));
    }

    @Test
    void whenTwoBuyersWantTheSameSeatOneWinsAndTheOtherTakesTheOfferedSeatsInOneCall() {
        createSale("""
                {"saleId": "seats", "name": "Named seats", "currency": "EUR", "admissionRatePerSecond": 50,
                 "maxActiveShoppers": 100, "perBuyerLimit": 4,
                 "sections": [{"id": "floor", "name": "Floor", "rows": 1, "seatsPerRow": 4, "priceCents": 1000}]}""");
        Map<String, String> alice = Map.of("Authorization", "Bearer " + admitted("seats", "alice").pass());
        Map<String, String> bob = Map.of("Authorization", "Bearer " + admitted("seats", "bob").pass());
        String wantB2 = "{\"sectionId\":\"floor\",\"seats\":[\"A-2\"]}";

        assertEquals(201, hold("seats", wantB2, alice).status());
        GatewayClient.Reply lost = hold("seats", wantB2, bob);

        assertEquals(409, lost.status(), lost.body().toString());
        assertEquals("SEATS_TAKEN", lost.text("reason"));
        String offered = lost.body().path("alternative").path("seats").get(0).asText();
        assertTrue(offered.equals("A-1") || offered.equals("A-3"), "a seat next to the one wanted: " + offered);
        GatewayClient.Reply accepted = gateway.post("/api/sales/seats/holds/" + lost.text("holdId") + "/alternative",
                "", bob);
        assertEquals(201, accepted.status(), accepted.body().toString());
        assertEquals(offered, accepted.body().path("seats").get(0).asText());

        GatewayClient.Reply unknown = hold("seats",
                "{\"sectionId\":\"floor\",\"seats\":[\"Z-9\"]}", bob);
        assertEquals(400, unknown.status());
        assertEquals("UNKNOWN_SEAT", unknown.text("error"));
        assertEquals(400, hold("seats",
                "{\"sectionId\":\"floor\",\"quantity\":1,\"seats\":[\"A-4\"]}", bob).status());
    }

    private GatewayClient.Reply holdTwo(GatewayClient gateway, String pass) {
        return hold("brief", "{\"sectionId\":\"floor\",\"quantity\":2}",
                Map.of("Authorization", "Bearer " + pass));
    }

    private ProducerRecord<String, Event> request(String holdId, int quantity) {
        return new ProducerRecord<>(Topics.HOLD_COMMANDS.name(), Keys.section(SALE, "floor"), new HoldRequested(
                EventMeta.of(SALE, "corr-" + holdId, "test", Instant.now()), holdId, "buyer-" + holdId, "floor",
                quantity, java.util.List.of()));
    }

    /** A probe for a seat that does not exist: an unknown sale until inventory has set the section up. */
    private void awaitSectionKnown(KafkaProducer<String, Event> producer, KafkaConsumer<String, HoldEvent> answers)
            throws Exception {
        for (int attempt = 0; attempt < 60; attempt++) {
            String probe = "probe-" + attempt;
            producer.send(new ProducerRecord<>(Topics.HOLD_COMMANDS.name(), Keys.section(SALE, "floor"),
                    new HoldRequested(EventMeta.of(SALE, "probe", "test", Instant.now()), probe, "prober", "floor", 1,
                            List.of("Z-99")))).get(10, TimeUnit.SECONDS);
            Map<String, HoldEvent> got = new HashMap<>();
            collect(answers, got, new HashMap<>(), 1);
            if (((HoldRejected) got.get(probe)).reason() == RejectionReason.UNKNOWN_SEAT) {
                return;
            }
            Await.sleep(Duration.ofMillis(500));
        }
        fail("inventory never set the section up");
    }

    private static void collect(KafkaConsumer<String, HoldEvent> consumer, Map<String, HoldEvent> byHold,
                                Map<String, Integer> counts, int until) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (byHold.size() < until) {
            assertTrue(Instant.now().isBefore(deadline), "only " + byHold.size() + " of " + until + " answers");
            for (ConsumerRecord<String, HoldEvent> r : consumer.poll(Duration.ofMillis(200))) {
                boolean ours = r.value().meta().saleId().equals(SALE); // other tests share the topic
                if (ours && (r.value() instanceof HoldPlaced || r.value() instanceof HoldRejected)) {
                    byHold.put(r.value().holdId(), r.value());
                    counts.merge(r.value().holdId(), 1, Integer::sum);
                }
            }
        }
    }

    private KafkaConsumer<String, HoldEvent> consumer() {
        KafkaConsumer<String, HoldEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), JsonSerde.of(HoldEvent.class));
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.HOLDS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
