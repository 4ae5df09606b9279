package io.floodgate.gateway.edge;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.accesscode.AccessCodes;
import io.floodgate.contracts.accesscode.AccessCodesIssued;
import io.floodgate.contracts.arrival.BuyerArrived;
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
 * The operator's access-code endpoint and the gateway's half of an invite-only join, with no
 * queue-service: codes answered once as CSV and recorded only as hashes in bounded records; bad input
 * is a 4xx JSON that records nothing; a join without a code is refused before anything is published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessCodesEndpointTest {
    private static final String PRESALE = "presale";
    private static final String PUBLIC = "public";
    private GatewayHarness gateway;

    @BeforeAll
    void start() {
        gateway = GatewayHarness.start(Map.of());
        String presale = GatewayHarness.saleJson(PRESALE, "A presale").replace("\"perBuyerLimit\"",
                "\"inviteOnly\":true,\"perBuyerLimit\"");
        assertEquals(201, gateway.post("/api/operator/sales", presale, operator()).statusCode());
        assertEquals(201, gateway.createSale(PUBLIC));
    }

    @AfterAll
    void stop() {
        gateway.close();
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
    void aJoinWithoutACodeOrWithAMalformedOneIsRefusedAndPublishesNothing() {
        int arrivals = records(Topics.ARRIVALS).size();
        assertError(403, "ACCESS_CODE_REQUIRED", gateway.post("/api/sales/" + PRESALE + "/queue", "{}"));
        assertError(403, "ACCESS_CODE_REQUIRED", gateway.post("/api/sales/" + PRESALE + "/queue",
                "{\"accessCode\":\"  \"}"));
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
