package io.floodgate.gateway.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.floodgate.proofofwork.Challenges;
import io.floodgate.proofofwork.Solver;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A proof-of-work sale joined as a mobile app does it, over HTTP, with a stand-in for
 * queue-service's line: ask for a challenge (which issues the app's identity), solve it, join with
 * the solution and the identity. Refused joins publish nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProofOfWorkJoinTest {
    private static final String SALE = "pow";
    private static final String OPERATOR = "Bearer " + GatewayHarness.OPERATOR_TOKEN;
    private final ObjectMapper json = new ObjectMapper();
    private GatewayHarness gateway;
    private FakeLine line;

    @BeforeAll
    void start() {
        gateway = GatewayHarness.start(Map.of());
        assertEquals(201, gateway.createSale(SALE));
        line = new FakeLine(gateway);
        HttpResponse<String> on = put("/api/operator/sales/" + SALE + "/proof-of-work",
                "{\"required\":true,\"maxNumber\":5000,\"reason\":\"bots\"}");
        assertEquals(200, on.statusCode(), on.body());
        assertEquals(5000, read(on).at("/proofOfWork/maxNumber").asLong(), "the sale's info shows the difficulty");
    }

    @AfterAll
    void stop() throws InterruptedException {
        line.close();
        gateway.close();
    }

    @Test
    void aJsonClientGetsAChallengeAndItsIdentitySolvesItAndJoinsAndJoiningAgainWithItKeepsThePlace() {
        Map<TopicPartition, Long> before = gateway.topicEnds();
        HttpResponse<String> without = join(null, null);
        assertEquals(428, without.statusCode(), without.body());
        assertEquals("PROOF_OF_WORK_REQUIRED", read(without).get("error").asText());
        assertTrue(without.body().contains("GET /api/sales/pow/challenge"), "says how to get a challenge");
        assertEquals(before, gateway.topicEnds(), "a refused join publishes nothing");

        JsonNode challenge = challenge(null);
        String alice = challenge.get("identity").asText();
        String solution = solve(challenge);
        HttpResponse<String> joined = join(alice, solution);
        HttpResponse<String> replayed = join(alice, solution);

        assertEquals(200, joined.statusCode(), joined.body());
        assertTrue(read(joined).hasNonNull("ticket"), joined.body());
        assertEquals(200, replayed.statusCode(), replayed.body());
        assertEquals(read(joined).get("sequence"), read(replayed).get("sequence"), "the same place, not another");
    }

    @Test
    void afterA202JoiningTheFollowUpJoinWithTheSameSolutionIsAcceptedAndKeepsOnePlaceButNotForAnotherIdentity() {
        JsonNode challenge = challenge(null);
        String frank = challenge.get("identity").asText();
        String solution = solve(challenge);
        line.silent(true);
        HttpResponse<String> joining;
        try {
            joining = join(frank, solution);
        } finally {
            line.silent(false);
        }
        assertEquals(202, joining.statusCode(), joining.body());
        assertEquals("JOINING", read(joining).get("state").asText());

        HttpResponse<String> followUp = join(frank, solution);
        HttpResponse<String> again = join(frank, solution);
        HttpResponse<String> mallory = join(challenge(null).get("identity").asText(), solution);

        assertEquals(200, followUp.statusCode(), followUp.body());
        assertTrue(read(followUp).get("sequence").isNumber(), followUp.body());
        assertEquals(read(followUp).get("sequence"), read(again).get("sequence"), "one place");
        assertEquals(403, mallory.statusCode(), mallory.body());
        assertEquals("PROOF_OF_WORK_NOT_YOURS", read(mallory).get("error").asText());
    }

    @Test
    void aSolutionStolenByAnotherIdentityIsNotItsAndPublishesNothing() {
        String alice = challenge(null).get("identity").asText();
        String alicesSolution = solve(challenge(alice));
        String mallory = challenge(null).get("identity").asText();
        Map<TopicPartition, Long> before = gateway.topicEnds();

        HttpResponse<String> stolen = join(mallory, alicesSolution);
        HttpResponse<String> anonymous = join(null, alicesSolution); // a fresh identity minted by the join

        assertEquals(403, stolen.statusCode(), stolen.body());
        assertEquals("PROOF_OF_WORK_NOT_YOURS", read(stolen).get("error").asText());
        assertEquals("PROOF_OF_WORK_NOT_YOURS", read(anonymous).get("error").asText());
        assertEquals(before, gateway.topicEnds());
        assertEquals(200, join(alice, alicesSolution).statusCode(), "still good for its owner");
    }

    @Test
    void aGarbledOrOversizedSolutionIsInvalidWithHowToGetAChallenge() {
        String bob = challenge(null).get("identity").asText();
        Map<TopicPartition, Long> before = gateway.topicEnds();
        HttpResponse<String> garbled = join(bob, "bm90IGEgc29sdXRpb24=");
        HttpResponse<String> huge = join(bob, "A".repeat(Challenges.MAX_PAYLOAD_CHARS + 1));

        assertEquals(400, garbled.statusCode(), garbled.body());
        assertEquals("PROOF_OF_WORK_INVALID", read(garbled).get("error").asText());
        assertEquals(400, huge.statusCode(), huge.body());
        assertEquals("PROOF_OF_WORK_INVALID", read(huge).get("error").asText(), "not a generic BAD_REQUEST");
        assertTrue(huge.body().contains("GET /api/sales/pow/challenge"), huge.body());
        assertEquals(before, gateway.topicEnds());
    }

    @Test
    void aChallengeIssuedBeforeTheOperatorRaisedTheDifficultyIsRefusedAndTheLimitsOfItAreEnforced() {
        JsonNode easy = challenge(null);
        assertEquals(400, put("/api/operator/sales/" + SALE + "/proof-of-work",
                "{\"required\":true,\"maxNumber\":999999999}").statusCode(), "above the limit");
        assertEquals(200, put("/api/operator/sales/" + SALE + "/proof-of-work",
                "{\"required\":true,\"maxNumber\":6000}").statusCode());
        try {
            String carol = easy.get("identity").asText();
            HttpResponse<String> stale = join(carol, solve(easy));
            assertEquals(428, stale.statusCode(), stale.body());
            assertEquals("PROOF_OF_WORK_TOO_EASY", read(stale).get("error").asText());
            assertEquals(6000, challenge(carol).get("maxnumber").asLong(), "new challenges at the new difficulty");
        } finally {
            put("/api/operator/sales/" + SALE + "/proof-of-work", "{\"required\":true,\"maxNumber\":5000}");
        }
    }

    @Test
    void aBuyerWithAPlaceRejoiningFromAnotherTabNeedsNoNewSolutionButAnotherIdentityCannotUseItsTicket() {
        JsonNode challenge = challenge(null);
        String dave = challenge.get("identity").asText();
        String ticket = read(join(dave, solve(challenge))).get("ticket").asText();
        String erin = challenge(null).get("identity").asText();

        HttpResponse<String> rejoin = gateway.post("/api/sales/" + SALE + "/queue", "{}",
                "Floodgate-Identity", dave, "Floodgate-Ticket", ticket);
        HttpResponse<String> othersTicket = gateway.post("/api/sales/" + SALE + "/queue", "{}",
                "Floodgate-Identity", erin, "Floodgate-Ticket", ticket);

        assertEquals(200, rejoin.statusCode(), rejoin.body());
        assertEquals(428, othersTicket.statusCode(), "another identity's ticket buys nothing");
    }

    @Test
    void aChallengeForASaleWithoutProofOfWorkIsAConflictSayingJoinDirectlyAndAnUnknownSaleHasNone() {
        assertEquals(201, gateway.createSale("free"));
        HttpResponse<String> answer = gateway.get("/api/sales/free/challenge");
        assertEquals(409, answer.statusCode(), answer.body());
        assertEquals("PROOF_OF_WORK_OFF", read(answer).get("error").asText());
        assertEquals(404, gateway.get("/api/sales/nowhere/challenge").statusCode());
    }

    @Test
    void challengesIssuedAndVerificationsByOutcomeAreOnPrometheus() {
        JsonNode challenge = challenge(null);
        String solution = solve(challenge);
        join(challenge.get("identity").asText(), solution);
        join(challenge.get("identity").asText(), solution);

        String metrics = gateway.get("/prometheus").body();

        assertTrue(metrics.matches("(?s).*floodgate_proof_of_work_challenges_total(\\{[^}]*})? [1-9].*"), metrics);
        assertTrue(metrics.matches("(?s).*floodgate_proof_of_work_verifications_total\\{[^}]*outcome=\"ACCEPTED\"[^}]*} [1-9].*"));
        assertTrue(metrics.matches("(?s).*floodgate_proof_of_work_verifications_total\\{[^}]*outcome=\"REJOIN\"[^}]*} [1-9].*"));
        assertTrue(metrics.contains("floodgate_proof_of_work_spent_evicted_total"));
    }

    /** A challenge for {@code identity}, or for a new one (its token in the answer's {@code identity}). */
    private JsonNode challenge(String identity) {
        HttpResponse<String> answer = identity == null ? gateway.get("/api/sales/" + SALE + "/challenge")
                : gateway.get("/api/sales/" + SALE + "/challenge", "Floodgate-Identity", identity);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
        JsonNode challenge = read(answer);
        assertEquals(identity == null, challenge.hasNonNull("identity"), answer.body());
        return challenge;
    }

    private static String solve(JsonNode c) {
        return Solver.solve(c.get("algorithm").asText(), c.get("challenge").asText(), c.get("maxnumber").asLong(),
                c.get("salt").asText(), c.get("signature").asText());
    }

    private HttpResponse<String> join(String identity, String altcha) {
        String body = altcha == null ? "{}" : "{\"altcha\":\"%s\"}".formatted(altcha);
        return identity == null ? gateway.post("/api/sales/" + SALE + "/queue", body)
                : gateway.post("/api/sales/" + SALE + "/queue", body, "Floodgate-Identity", identity);
    }

    private HttpResponse<String> put(String path, String body) {
        return gateway.send(HttpRequest.newBuilder(URI.create(gateway.url(path)))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("Authorization", OPERATOR));
    }

    private JsonNode read(HttpResponse<String> answer) {
        try {
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError(answer.body(), e);
        }
    }
}
