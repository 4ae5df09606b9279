package io.floodgate.gateway.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.floodgate.contracts.Topics;
import io.floodgate.gateway.proofofwork.Solver;
import io.floodgate.platform.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A proof-of-work sale joined as a mobile app does it, over HTTP: ask for a challenge, solve it,
 * join with the solution. Refused joins publish nothing. (Its own gateway, because it counts every
 * arrival on the topic.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProofOfWorkJoinTest {
    private static final String SALE = "pow";
    private static final String OPERATOR = "Bearer " + GatewayHarness.OPERATOR_TOKEN;
    private final ObjectMapper json = new ObjectMapper();
    private GatewayHarness gateway;

    @BeforeAll
    void start() {
        gateway = GatewayHarness.start(Map.of("floodgate.gateway.answer-wait", "200ms"));
        assertEquals(201, gateway.createSale(SALE));
        HttpResponse<String> on = put("/api/operator/sales/" + SALE + "/proof-of-work",
                "{\"required\":true,\"maxNumber\":5000,\"reason\":\"bots\"}");
        assertEquals(200, on.statusCode(), on.body());
        assertEquals(5000, read(on).at("/proofOfWork/maxNumber").asLong(), "the sale's info shows the difficulty");
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void aJsonClientGetsAChallengeSolvesItAndJoinsAndItsSolutionServesOnce() {
        long before = arrivals();
        HttpResponse<String> without = join("alice", null);
        assertEquals(428, without.statusCode(), without.body());
        assertEquals("PROOF_OF_WORK_REQUIRED", read(without).get("error").asText());
        assertTrue(without.body().contains("GET /api/sales/pow/challenge"), "says how to get a challenge");

        String solution = solve(challenge("alice"));
        HttpResponse<String> joined = join("alice", solution);
        HttpResponse<String> replayed = join("alice", solution);
        HttpResponse<String> stolen = join("mallory", solve(challenge("alice")));

        assertTrue(joined.statusCode() == 200 || joined.statusCode() == 202, joined.body()); // 202: no queue-service here
        assertEquals("PROOF_OF_WORK_REUSED", read(replayed).get("error").asText(), replayed.body());
        assertEquals(409, replayed.statusCode());
        assertEquals("PROOF_OF_WORK_NOT_YOURS", read(stolen).get("error").asText(), stolen.body());
        assertEquals(before + 1, arrivals(), "only the solved join was published");
    }

    @Test
    void aGarbledSolutionIsABadRequestAndAnOversizedOneIsRefusedByValidation() {
        long before = arrivals();
        HttpResponse<String> garbled = join("bob", "bm90IGEgc29sdXRpb24=");
        HttpResponse<String> huge = join("bob", "A".repeat(5000));

        assertEquals(400, garbled.statusCode(), garbled.body());
        assertEquals("PROOF_OF_WORK_INVALID", read(garbled).get("error").asText());
        assertEquals(400, huge.statusCode(), huge.body());
        assertEquals(before, arrivals());
    }

    @Test
    void aChallengeIssuedBeforeTheOperatorRaisedTheDifficultyIsRefusedAndTheLimitsOfItAreEnforced() {
        JsonNode easy = challenge("carol");
        assertEquals(400, put("/api/operator/sales/" + SALE + "/proof-of-work",
                "{\"required\":true,\"maxNumber\":999999999}").statusCode(), "above the limit");
        assertEquals(200, put("/api/operator/sales/" + SALE + "/proof-of-work",
                "{\"required\":true,\"maxNumber\":6000}").statusCode());
        try {
            HttpResponse<String> stale = join("carol", solve(easy));
            assertEquals(428, stale.statusCode(), stale.body());
            assertEquals("PROOF_OF_WORK_TOO_EASY", read(stale).get("error").asText());
            assertEquals(6000, challenge("carol").get("maxnumber").asLong(), "new challenges at the new difficulty");
        } finally {
            put("/api/operator/sales/" + SALE + "/proof-of-work", "{\"required\":true,\"maxNumber\":5000}");
        }
    }

    @Test
    void aBuyerWithAPlaceRejoiningFromAnotherTabNeedsNoNewSolution() {
        HttpResponse<String> rejoin = gateway.post("/api/sales/" + SALE + "/queue", "{\"buyerId\":\"dave\"}",
                "Floodgate-Ticket", gateway.ticket(SALE, "dave", 3));
        HttpResponse<String> othersTicket = gateway.post("/api/sales/" + SALE + "/queue", "{\"buyerId\":\"erin\"}",
                "Floodgate-Ticket", gateway.ticket(SALE, "dave", 3));

        assertTrue(rejoin.statusCode() == 200 || rejoin.statusCode() == 202, rejoin.body());
        assertEquals(428, othersTicket.statusCode(), "another identity's ticket buys nothing");
    }

    @Test
    void aChallengeForASaleWithoutProofOfWorkIsAConflictSayingJoinDirectly() {
        assertEquals(201, gateway.createSale("free"));
        HttpResponse<String> answer = gateway.get("/api/sales/free/challenge");
        assertEquals(409, answer.statusCode(), answer.body());
        assertEquals("PROOF_OF_WORK_OFF", read(answer).get("error").asText());
    }

    private JsonNode challenge(String identity) {
        HttpResponse<String> answer = gateway.get("/api/sales/" + SALE + "/challenge", "Floodgate-Identity", identity);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
        return read(answer);
    }

    private static String solve(JsonNode c) {
        return Solver.solve(c.get("algorithm").asText(), c.get("challenge").asText(), c.get("maxnumber").asLong(),
                c.get("salt").asText(), c.get("signature").asText());
    }

    private HttpResponse<String> join(String buyerId, String altcha) {
        String body = altcha == null ? "{\"buyerId\":\"%s\"}".formatted(buyerId)
                : "{\"buyerId\":\"%s\",\"altcha\":\"%s\"}".formatted(buyerId, altcha);
        return gateway.post("/api/sales/" + SALE + "/queue", body, "Floodgate-Identity", buyerId);
    }

    private HttpResponse<String> put(String path, String body) {
        return gateway.send(HttpRequest.newBuilder(URI.create(gateway.url(path)))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("Authorization", OPERATOR));
    }

    /** Arrivals ever published (one partition in the harness). */
    private long arrivals() {
        try (KafkaConsumer<String, ?> consumer = gateway.bean(KafkaClients.class).viewConsumer("pow-test",
                List.of(Topics.ARRIVALS))) {
            TopicPartition partition = new TopicPartition(Topics.ARRIVALS.name(), 0);
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    private JsonNode read(HttpResponse<String> answer) {
        try {
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError(answer.body(), e);
        }
    }
}
