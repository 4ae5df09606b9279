package io.floodgate.gateway.edge;

import com.fasterxml.jackson.databind.JsonNode;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.json.EventJson;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SaleEvent;
import io.floodgate.contracts.sale.SalePaused;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operators are people: each signs in with their own token, the events they cause carry their
 * credential's name (whatever header they send), and a viewer reads but cannot act.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorAccessTest {
    private static final String ANNA = "anna-token-for-tests";
    private static final String VICTOR = "victor-token-for-tests";
    private GatewayHarness gateway;

    @BeforeAll
    void start() throws Exception {
        // One comma-separated setting, as FLOODGATE_OPERATOR_CREDENTIALS gives it; the harness's token is kept.
        gateway = GatewayHarness.start(Map.of("floodgate.operator.credentials",
                "anna:operator:" + sha256(ANNA) + ",victor:viewer:" + sha256(VICTOR)));
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static String[] as(String token, String... more) {
        List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + token));
        headers.addAll(List.of(more));
        return headers.toArray(String[]::new);
    }

    private List<SaleEvent> salesEvents() throws Exception {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SALES.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<SaleEvent> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    events.add(EventJson.mapper().readValue(r.value(), SaleEvent.class));
                }
            }
            return events;
        }
    }

    private JsonNode json(HttpResponse<String> answer) throws Exception {
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), answer.toString());
        return EventJson.mapper().readTree(answer.body());
    }

    private void createSale(String saleId, String token, String... headers) {
        HttpResponse<String> created = gateway.post("/api/operator/sales", GatewayHarness.saleJson(saleId, "A sale"),
                as(token, headers));
        assertTrue(created.statusCode() == 201 || created.statusCode() == 202, created.body());
    }

    @Test
    void operatorEventsCarryTheCredentialsNameAndTheOldHeaderIsIgnored() throws Exception {
        createSale("named", ANNA, "Floodgate-Operator", "mallory");
        GatewayHarness.sleepBriefly();
        HttpResponse<String> paused = gateway.post("/api/operator/sales/named/pause", "{\"reason\":\"checking\"}",
                as(ANNA, "Floodgate-Operator", "mallory"));
        assertTrue(paused.statusCode() == 200 || paused.statusCode() == 202, paused.body());

        List<SaleEvent> events = salesEvents().stream().filter(e -> e.meta().saleId().equals("named")).toList();
        assertEquals("anna", ((SaleCreated) events.stream().filter(SaleCreated.class::isInstance).findFirst().orElseThrow())
                .operator());
        assertEquals("anna", ((SalePaused) events.stream().filter(SalePaused.class::isInstance).findFirst().orElseThrow())
                .operator());
    }

    @Test
    void theLocalRunsTokenSignsInAsOperatorAndTheConsoleSeesWhoIsSignedIn() throws Exception {
        JsonNode me = json(gateway.get("/api/operator/me", as(GatewayHarness.OPERATOR_TOKEN)));
        assertEquals("operator", me.path("name").asText());
        assertEquals("OPERATOR", me.path("role").asText());
        JsonNode viewer = json(gateway.get("/api/operator/me", as(VICTOR)));
        assertEquals("victor", viewer.path("name").asText());
        assertEquals("VIEWER", viewer.path("role").asText());
    }

    @Test
    void aViewerReadsTheFiguresButItsActionsAreRefused403JsonAndPublishNothing() throws Exception {
        createSale("watched", ANNA);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (gateway.get("/api/sales/watched").statusCode() != 200 && System.nanoTime() < deadline) {
            GatewayHarness.sleepBriefly();
        }
        assertEquals(200, gateway.get("/api/operator/sales", as(VICTOR)).statusCode());
        assertEquals(200, gateway.get("/api/operator/sales/watched/figures", as(VICTOR)).statusCode());
        Map<TopicPartition, Long> before = gateway.topicEnds();

        List<HttpResponse<String>> refused = List.of(
                gateway.post("/api/operator/sales", GatewayHarness.saleJson("viewers-sale", "No"), as(VICTOR)),
                gateway.post("/api/operator/sales/watched/pause", "{\"reason\":\"no\"}", as(VICTOR)),
                gateway.post("/api/operator/sales/watched/close", "{\"reason\":\"no\"}", as(VICTOR)),
                gateway.post("/api/operator/sales/watched/rate", "{\"reason\":\"no\",\"admissionRatePerSecond\":1}", as(VICTOR)),
                gateway.post("/api/operator/sales/watched/message", "{\"message\":\"no\"}", as(VICTOR)),
                gateway.post("/api/operator/sales/watched/pause", "not even json", as(VICTOR)));
        for (HttpResponse<String> answer : refused) {
            assertEquals(403, answer.statusCode(), answer.body());
            assertEquals("READ_ONLY_OPERATOR", json(answer).path("error").asText(), answer.body());
        }

        assertEquals(before, gateway.topicEnds(), "nothing was published on any topic");
        assertEquals(404, gateway.get("/api/sales/viewers-sale").statusCode());
        assertEquals("ON_SALE", json(gateway.get("/api/sales/watched")).path("phase").asText());
    }

    @Test
    void aViewerCannotIssueAccessCodesAndNothingIsPublished() throws Exception {
        HttpResponse<String> created = gateway.post("/api/operator/sales", GatewayHarness.saleJson("invited", "A presale")
                .replace("\"perBuyerLimit\"", "\"inviteOnly\":true,\"perBuyerLimit\""), as(ANNA));
        assertTrue(created.statusCode() == 201 || created.statusCode() == 202, created.body());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (gateway.get("/api/sales/invited").statusCode() != 200 && System.nanoTime() < deadline) {
            GatewayHarness.sleepBriefly();
        }
        assertTrue(json(gateway.get("/api/sales/invited")).path("inviteOnly").asBoolean());
        Map<TopicPartition, Long> before = gateway.topicEnds();

        for (String body : List.of("{\"count\":5}", "{\"codes\":[\"ABCDEFGHJKMNPQRS\"]}")) {
            HttpResponse<String> answer = gateway.post("/api/operator/sales/invited/access-codes", body, as(VICTOR));
            assertEquals(403, answer.statusCode(), answer.body());
            assertEquals("READ_ONLY_OPERATOR", json(answer).path("error").asText(), answer.body());
            assertFalse(answer.body().contains("invited,"), "no codes in the answer");
        }
        assertEquals(before, gateway.topicEnds(), "nothing was published on any topic");
    }

    @Test
    void aViewersPutDeleteAndPatchAreRefusedReadOnlyToo() throws Exception {
        // PUT has a real route (proof of work); DELETE and PATCH have none, and the role is checked before routing.
        Map<TopicPartition, Long> before = gateway.topicEnds();
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            HttpResponse<String> answer = gateway.send(HttpRequest.newBuilder(URI.create(gateway.url(
                            "/api/operator/sales/watched/proof-of-work")))
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json"), as(VICTOR));
            assertEquals(403, answer.statusCode(), method + ": " + answer.body());
            assertEquals("READ_ONLY_OPERATOR", json(answer).path("error").asText(), method);
        }
        assertEquals(before, gateway.topicEnds(), "nothing was published on any topic");
    }

    @Test
    void anUnknownTokenAndNoTokenAreBoth401WithABearerChallengeAndNeitherActs() throws Exception {
        Map<TopicPartition, Long> before = gateway.topicEnds();
        HttpResponse<String> unknown = gateway.post("/api/operator/sales", GatewayHarness.saleJson("strangers", "No"),
                as("mallory-token"));
        assertEquals(401, unknown.statusCode(), "signs in no one: unauthenticated, not forbidden");
        assertEquals("NOT_AN_OPERATOR", json(unknown).path("error").asText());
        assertEquals("Bearer", unknown.headers().firstValue("WWW-Authenticate").orElse(null));
        HttpResponse<String> hash = gateway.get("/api/operator/me", as(sha256(ANNA)));
        assertEquals(401, hash.statusCode(), "the configured hash is not a token");
        HttpResponse<String> none = gateway.post("/api/operator/sales", GatewayHarness.saleJson("strangers", "No"),
                "Floodgate-Operator", "anna");
        assertEquals(401, none.statusCode());
        assertEquals("MISSING_TOKEN", json(none).path("error").asText());
        assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(null));
        assertEquals(before, gateway.topicEnds(), "nothing was published on any topic");
    }
}
