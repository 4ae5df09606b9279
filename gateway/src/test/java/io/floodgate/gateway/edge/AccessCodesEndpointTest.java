package io.floodgate.gateway.edge;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.accesscode.AccessCodeEvent;
import io.floodgate.contracts.accesscode.AccessCodes;
import io.floodgate.contracts.accesscode.AccessCodesIssued;
import io.floodgate.contracts.arrival.BuyerArrived;
import io.floodgate.contracts.queue.AccessCodesAdded;
import io.floodgate.contracts.queue.BuyerTurnedAway;
import io.floodgate.contracts.queue.TurnedAwayReason;
import io.floodgate.gateway.publish.EventPublisher;
import io.floodgate.platform.kafka.JsonSerde;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's access-code endpoint and the gateway's half of an invite-only join, with a stand-in
 * for queue-service that stores codes: codes answered once as CSV once stored, and recorded only as
 * hashes in bounded records; bad input is a 4xx JSON that records nothing; a join with no code is
 * queue-service's to answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessCodesEndpointTest {
    private static final String PRESALE = "presale";
    private static final String PUBLIC = "public";
    /** queue-service (the stand-in below) already holds this sale's maximum: it stores none of its codes. */
    private static final String FULL = "full";
    /** queue-service never answers for this sale. */
    private static final String UNANSWERED = "unanswered";
    private GatewayHarness gateway;
    private volatile boolean running = true;
    private Thread queueService;

    @BeforeAll
    void start() {
        gateway = GatewayHarness.start(Map.of());
        for (String saleId : List.of(PRESALE, FULL, UNANSWERED)) {
            String presale = GatewayHarness.saleJson(saleId, "A presale").replace("\"perBuyerLimit\"",
                    "\"inviteOnly\":true,\"perBuyerLimit\"");
            assertEquals(201, gateway.post("/api/operator/sales", presale, operator()).statusCode());
        }
        assertEquals(201, gateway.createSale(PUBLIC));
        queueService = new Thread(this::storeCodes, "queue-service-stand-in");
        queueService.start();
    }

    @AfterAll
    void stop() throws InterruptedException {
        running = false;
        queueService.join();
        gateway.close();
    }

    /** Answers each record of codes as queue-service does, with AccessCodesAdded caused by it. */
    private void storeCodes() {
        try (KafkaConsumer<String, AccessCodeEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                JsonSerde.events(Topics.ACCESS_CODES))) {
            consumer.assign(List.of(new TopicPartition(Topics.ACCESS_CODES.name(), 0)));
            Map<String, Long> issued = new java.util.HashMap<>();
            while (running) {
                for (ConsumerRecord<String, AccessCodeEvent> r : consumer.poll(Duration.ofMillis(100))) {
                    if (!(r.value() instanceof AccessCodesIssued codes) || codes.meta().saleId().equals(UNANSWERED)) {
                        continue;
                    }
                    boolean full = codes.meta().saleId().equals(FULL);
                    int added = full ? 0 : codes.hashes().size();
                    long now = issued.merge(codes.meta().saleId(), (long) added, Long::sum);
                    gateway.bean(EventPublisher.class).publish(Topics.QUEUE, codes.meta().saleId(), new AccessCodesAdded(
                            EventMeta.causedBy(codes.meta(), codes.meta().occurredAt()), added, 0,
                            codes.hashes().size() - added, now));
                }
            }
        }
    }

    @Test
    void codesAreAnsweredOnlyOnceQueueServiceStoredThemAllAndNoneWhenItStoredNotAll() {
        int before = recorded().size();
        HttpResponse<String> generated = issue(FULL, "{\"count\":3}");
        assertError(409, "ACCESS_CODES_LIMIT", generated);
        assertFalse(generated.body().contains(FULL + ","), "no codes handed out: " + generated.body());
        assertError(409, "ACCESS_CODES_LIMIT", issue(FULL, "{\"codes\":[\"ABCDEFGHJKMNPQRS\"]}"));
        assertEquals(before + 2, recorded().size(), "recorded, but queue-service stored none");
    }

    @Test
    void codesQueueServiceDoesNotConfirmInTimeAreNotHandedOut() {
        HttpResponse<String> generated = issue(UNANSWERED, "{\"count\":3}");
        assertError(503, "ACCESS_CODES_UNCONFIRMED", generated);
        assertFalse(generated.body().contains(UNANSWERED + ","), "no codes handed out: " + generated.body());
        HttpResponse<String> imported = issue(UNANSWERED, "{\"codes\":[\"ABCDEFGHJKMNPQRS\"]}");
        assertEquals(202, imported.statusCode(), "the operator holds their own codes: " + imported.body());
    }

    private static String[] operator() {
        // The header names nobody: the event carries the credential's name.
        return new String[] {"Authorization", "Bearer " + GatewayHarness.OPERATOR_TOKEN, "Floodgate-Operator", "olga"};
    }

    private HttpResponse<String> issue(String saleId, String json) {
        return gateway.post("/api/operator/sales/" + saleId + "/access-codes", json, operator());
    }

    @Test
    void generatedCodesAreAnsweredOnceAsCsvAndRecordedOnlyAsHashes() {
        int before = recorded().size();
        HttpResponse<String> answer = issue(PRESALE, "{\"count\":3}");

        assertEquals(201, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String disposition = answer.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.matches("attachment; filename=\"presale-access-codes-\\d+\\.csv\""), disposition);
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(null));
        List<String> lines = Arrays.asList(answer.body().split("\r\n"));
        assertEquals("sale_id,access_code", lines.get(0));
        assertEquals(4, lines.size());
        List<String> codes = lines.subList(1, 4).stream().map(l -> l.split(",")[1]).toList();
        codes.forEach(code -> assertTrue(code.matches("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}"), code));
        assertTrue(lines.subList(1, 4).stream().allMatch(l -> l.startsWith("presale,")));

        List<AccessCodesIssued> records = recorded().subList(before, before + 1);
        assertEquals("operator", records.get(0).operator(), "the credential's name");
        assertEquals(codes.stream().map(c -> AccessCodes.hash(PRESALE, AccessCodes.normalize(c).orElseThrow())).toList(),
                records.get(0).hashes());
        String recordText = records.toString();
        codes.forEach(c -> assertFalse(recordText.contains(c) || recordText.contains(c.replace("-", "")),
                "no code in plain text on the topic"));
    }

    @Test
    void aLargeBatchIsRecordedInRecordsOfAtMostAThousandHashes() {
        int before = recorded().size();
        HttpResponse<String> answer = issue(PRESALE, "{\"count\":2500}");

        assertEquals(201, answer.statusCode(), answer.body());
        assertEquals(2501, answer.body().split("\r\n").length);
        List<AccessCodesIssued> records = recorded().subList(before, before + 3);
        assertEquals(List.of(500, 1000, 1000), records.stream().map(r -> r.hashes().size()).sorted().toList());
    }

    @Test
    void importedCodesAreNormalizedDeduplicatedAndRecorded() {
        int before = recorded().size();
        HttpResponse<String> answer = issue(PRESALE,
                "{\"codes\":[\"abcd-efgh-jkmn-pqrs\",\"ABCDEFGHJKMNPQRS\",\"0000 1111 2222 3333\"]}");

        assertEquals(201, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"codes\":2"), answer.body());
        AccessCodesIssued record = recorded().get(before);
        assertEquals(List.of(AccessCodes.hash(PRESALE, "ABCDEFGHJKMNPQRS"), AccessCodes.hash(PRESALE,
                "0000111122223333")), record.hashes());
    }

    @Test
    void badRequestsAreClearJsonErrorsAndRecordNothing() {
        int before = recorded().size();
        assertError(400, null, issue(PRESALE, "{\"count\":0}"));
        assertError(400, null, issue(PRESALE, "{\"count\":10001}"));
        assertError(400, null, issue(PRESALE, "{\"count\":\"many\"}"));
        assertError(400, "BAD_REQUEST", issue(PRESALE, "{}"));
        assertError(400, "BAD_REQUEST", issue(PRESALE, "{\"count\":1,\"codes\":[\"ABCDEFGHJKMNPQRS\"]}"));
        HttpResponse<String> badCode = issue(PRESALE, "{\"codes\":[\"ABCDEFGHJKMNPQRS\",\"short\",\"UUUUUUUUUUUUUUUU\"]}");
        assertError(400, "INVALID_ACCESS_CODE", badCode);
        assertTrue(badCode.body().contains("codes[1]") && badCode.body().contains("codes[2]"), badCode.body());
        String tooMany = "{\"codes\":[" + String.join(",", java.util.Collections.nCopies(10_001, "\"ABCDEFGHJKMNPQRS\""))
                + "]}";
        assertError(400, null, issue(PRESALE, tooMany));
        assertError(409, "NOT_INVITE_ONLY", issue(PUBLIC, "{\"count\":1}"));
        assertError(404, "UNKNOWN_SALE", issue("nosuchsale", "{\"count\":1}"));
        assertEquals(401, gateway.post("/api/operator/sales/" + PRESALE + "/access-codes", "{\"count\":1}")
                .statusCode());
        assertEquals(before, recorded().size(), "nothing recorded");
    }

    @Test
    void aJoinWithAMalformedCodeIsRefusedAndPublishesNothing() {
        int arrivals = records(Topics.ARRIVALS).size();
        assertError(400, "INVALID_ACCESS_CODE", gateway.post("/api/sales/" + PRESALE + "/queue",
                "{\"accessCode\":\"ABCD-EFGH\"}"));
        assertError(400, null, gateway.post("/api/sales/" + PRESALE + "/queue",
                "{\"accessCode\":\"" + "A".repeat(65) + "\"}"));
        assertError(400, null, gateway.post("/api/sales/" + PRESALE + "/queue", "{\"accessCode\":42}"));
        assertEquals(arrivals, records(Topics.ARRIVALS).size(), "no arrival published");
    }

    @Test
    void aJoinCarriesOnlyTheCodesHashAndQueueServicesRefusalIsA403() throws Exception {
        CompletableFuture<HttpResponse<String>> join = gateway.client().sendAsync(HttpRequest.newBuilder(
                        URI.create(gateway.url("/api/sales/" + PRESALE + "/queue")))
                .POST(HttpRequest.BodyPublishers.ofString("{\"accessCode\":\"abcd efgh jkmn pqrs\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        String hash = AccessCodes.hash(PRESALE, "ABCDEFGHJKMNPQRS");
        BuyerArrived arrived = awaitArrival(a -> hash.equals(a.accessCodeHash()));

        gateway.bean(EventPublisher.class).publish(Topics.QUEUE, PRESALE, new BuyerTurnedAway(
                EventMeta.causedBy(arrived.meta(), arrived.meta().occurredAt()), arrived.buyerId(),
                TurnedAwayReason.ACCESS_CODE_USED)).get();

        HttpResponse<String> answer = join.get();
        assertError(403, "ACCESS_CODE_USED", answer);
        assertTrue(answer.body().contains("someone else"), answer.body());
    }

    @Test
    void aJoinWithoutACodeIsQueueServicesToAnswerSoABuyerAlreadyInLineCanRejoinWithoutIt() throws Exception {
        CompletableFuture<HttpResponse<String>> join = gateway.client().sendAsync(HttpRequest.newBuilder(
                        URI.create(gateway.url("/api/sales/" + PRESALE + "/queue")))
                .POST(HttpRequest.BodyPublishers.ofString("{\"accessCode\":\"  \"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        BuyerArrived arrived = awaitArrival(a -> PRESALE.equals(a.meta().saleId()) && a.accessCodeHash() == null);

        gateway.bean(EventPublisher.class).publish(Topics.QUEUE, PRESALE, new BuyerTurnedAway(
                EventMeta.causedBy(arrived.meta(), arrived.meta().occurredAt()), arrived.buyerId(),
                TurnedAwayReason.ACCESS_CODE_REQUIRED)).get();

        assertError(403, "ACCESS_CODE_REQUIRED", join.get());
    }

    @Test
    void aPublicSaleIgnoresACodeAndPutsNoHashOnTheArrival() {
        HttpResponse<String> joining = gateway.post("/api/sales/" + PUBLIC + "/queue",
                "{\"accessCode\":\"ABCDEFGHJKMNPQRS\"}");
        assertEquals(202, joining.statusCode(), "no line here to answer: " + joining.body());
        String buyerId = joining.body().replaceAll(".*\"buyerId\":\"([^\"]+)\".*", "$1");
        assertEquals(null, awaitArrival(a -> a.buyerId().equals(buyerId)).accessCodeHash());
    }

    private BuyerArrived awaitArrival(java.util.function.Predicate<BuyerArrived> which) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (Event e : records(Topics.ARRIVALS)) {
                if (e instanceof BuyerArrived a && which.test(a)) {
                    return a;
                }
            }
            GatewayHarness.sleepBriefly();
        }
        throw new AssertionError("no such arrival");
    }

    private static void assertError(int status, String code, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.body().startsWith("{") && answer.body().contains("\"error\""), answer.body());
        if (code != null) {
            assertTrue(answer.body().contains("\"error\":\"" + code + "\""), answer.body());
        }
    }

    private List<AccessCodesIssued> recorded() {
        return records(Topics.ACCESS_CODES).stream().map(AccessCodesIssued.class::cast).toList();
    }

    /** Everything on the topic now (one partition in the harness). */
    private <E extends Event> List<Event> records(Topic<E> topic) {
        try (KafkaConsumer<String, E> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers()), new StringDeserializer(),
                JsonSerde.events(topic))) {
            TopicPartition partition = new TopicPartition(topic.name(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<Event> events = new ArrayList<>();
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, E> r : consumer.poll(Duration.ofMillis(200))) {
                    events.add(r.value());
                }
            }
            return events;
        }
    }
}
