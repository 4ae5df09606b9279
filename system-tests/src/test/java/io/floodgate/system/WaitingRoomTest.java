package io.floodgate.system;

import io.floodgate.contracts.queue.AdmissionLapsed;
import io.floodgate.contracts.queue.BuyerAdmitted;
import io.floodgate.contracts.queue.BuyerPreQueued;
import io.floodgate.contracts.queue.DrawCommitment;
import io.floodgate.contracts.queue.DrawCommitted;
import io.floodgate.contracts.queue.LineOpened;
import io.floodgate.contracts.queue.SeededPermutation;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The waiting room's promises, shown against the real broker with every service as a process. */
class WaitingRoomTest extends StackTest {
    private void createSale(String saleId, Instant opensAt, int rate, int maxActive, int seats, int windowSeconds) {
        createSale("""
                {"saleId": "%s", "name": "%s", "opensAt": "%s", "currency": "EUR", "admissionRatePerSecond": %d,
                 "maxActiveShoppers": %d, "admissionWindowSeconds": %d, "perBuyerLimit": 4,
                 "sections": [{"id": "floor", "name": "Floor", "rows": 1, "seatsPerRow": %d, "priceCents": 1000}]}
                """.formatted(saleId, saleId, opensAt, rate, maxActive, windowSeconds, seats));
    }

    /** Joins as the buyer (the stack's site token for them) and insists on a place. */
    private GatewayClient.Reply placed(String saleId, String buyerId) {
        GatewayClient.Reply joined = join(saleId, buyerId);
        assertEquals(200, joined.status(), joined.body().toString());
        return joined;
    }

    private GatewayClient.Reply status(String saleId, String ticket) {
        return gateway.get("/api/sales/" + saleId + "/status", Map.of("Floodgate-Ticket", ticket));
    }

    private long admittedThrough(String saleId) {
        return gateway.get("/api/sales/" + saleId, Map.of()).body().path("admittedThrough").asLong();
    }

    private <E> Stream<E> events(String saleId, Class<E> type) {
        return topics.readAll().stream().map(TopicLog.Entry::event)
                .filter(e -> e.meta().saleId().equals(saleId) && type.isInstance(e)).map(type::cast);
    }

    @Test
    void thePreQueueIsDrawnFromTheRecordedSeedAndAfterOpeningAdmissionFollowsArrival() {
        createSale("fair", Instant.now().plusSeconds(6), 20, 1000, 1000, 600);
        Map<String, String> earlyTickets = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            GatewayClient.Reply joined = placed("fair", "early-" + i);
            assertEquals("PRE_QUEUE", joined.text("state"), joined.body().toString());
            earlyTickets.put("early-" + i, joined.text("ticket"));
        }
        String committed = gateway.get("/api/sales/fair", Map.of()).body().path("draw").path("commitment").asText();
        Await.until("open", () -> gateway.get("/api/sales/fair", Map.of()).text("phase"), "ON_SALE"::equals);
        List<String> lateOrder = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            placed("fair", "late-" + i);
            lateOrder.add("late-" + i);
        }
        Await.until("everyone admitted", () -> admittedThrough("fair"), n -> n == 50);

        LineOpened opened = events("fair", LineOpened.class).findFirst().orElseThrow();
        assertEquals(30, opened.preQueueSize());
        // The public sale info showed the commitment; after opening it shows what satisfies it.
        assertEquals(events("fair", DrawCommitted.class).findFirst().orElseThrow().commitment(), committed);
        var draw = gateway.get("/api/sales/fair", Map.of()).body().path("draw");
        assertEquals(Long.toString(opened.seed()), draw.path("seed").asText());
        assertTrue(DrawCommitment.matches(draw.path("scheme").asText(), committed, draw.path("nonce").asText(),
                opened.seed()), draw.toString());
        SeededPermutation drawn = new SeededPermutation(opened.seed(), opened.preQueueSize());
        Map<Long, String> preQueueIndexToBuyer = new HashMap<>();
        events("fair", BuyerPreQueued.class).forEach(p -> preQueueIndexToBuyer.put(p.preQueueIndex(), p.buyerId()));
        List<BuyerAdmitted> admissions = events("fair", BuyerAdmitted.class).toList();
        assertEquals(50, admissions.size());
        for (int i = 0; i < admissions.size(); i++) {
            BuyerAdmitted a = admissions.get(i);
            assertEquals(i + 1, a.sequence(), "admitted in place order");
            String expected = a.sequence() <= 30 ? preQueueIndexToBuyer.get(drawn.invert(a.sequence() - 1))
                    : lateOrder.get((int) a.sequence() - 31);
            assertEquals(expected, a.buyerId(), "place " + a.sequence());
        }
        // A pre-queued buyer's status shows the place re-derivable from the seed.
        GatewayClient.Reply early7 = status("fair", earlyTickets.get("early-7"));
        long index7 = preQueueIndexToBuyer.entrySet().stream().filter(e -> e.getValue().equals("early-7"))
                .findFirst().orElseThrow().getKey();
        assertEquals(drawn.apply(index7) + 1, events("fair", BuyerAdmitted.class)
                .filter(a -> a.buyerId().equals("early-7")).findFirst().orElseThrow().sequence());
        assertEquals("ADMITTED", early7.text("state"));
    }

    @Test
    void noShowsLapseTheirCapacityIsReusedAndTheLineDrains() {
        createSale("noshow", Instant.now(), 50, 3, 100, 10);
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            tickets.add(placed("noshow", "b" + i).text("ticket"));
        }
        Await.until("three shopping", () -> admittedThrough("noshow"), n -> n == 3);
        assertEquals("WAITING", status("noshow", tickets.get(3)).text("state"));
        String firstPass = status("noshow", tickets.get(0)).text("admissionToken");

        Await.until("the line drained", () -> admittedThrough("noshow"), n -> n == 9);

        assertTrue(events("noshow", AdmissionLapsed.class).count() >= 6, "the no-shows lapsed");
        assertEquals("ADMISSION_EXPIRED", status("noshow", tickets.get(0)).text("state"));
        GatewayClient.Reply late = hold("noshow", "{\"sectionId\":\"floor\",\"quantity\":1}",
                Map.of("Authorization", "Bearer " + firstPass));
        assertEquals(401, late.status());
        assertEquals("TOKEN_EXPIRED", late.text("error"), "an expired admission token is refused");
    }

    @Test
    void belowCapacityBuyersPassStraightThroughAboveItTheyWait() {
        createSale("pass", Instant.now(), 5, 2, 100, 600);
        Await.sleep(Duration.ofSeconds(1));

        assertEquals("ADMITTED", placed("pass", "first").text("state"), "the waiting room stays out of the way");
        Await.until("second admitted", () -> placed("pass", "second").text("state"), "ADMITTED"::equals);
        GatewayClient.Reply third = placed("pass", "third");

        assertEquals("WAITING", third.text("state"), "two shoppers at most: the waiting room switched itself on");
        assertEquals(1, third.body().path("position").asLong());
        assertTrue(third.body().path("pollAfterMs").asLong() > 0);
    }

    @Test
    void soldOutReachesEveryoneStillInLineAtOnce() {
        createSale("scarce", Instant.now(), 50, 10, 2, 600);
        String alice = placed("scarce", "alice").text("ticket");
        String pass = Await.until("admitted", () -> status("scarce", alice), r -> "ADMITTED".equals(r.text("state")))
                .text("admissionToken");
        GatewayClient.Reply held = hold("scarce", "{\"sectionId\":\"floor\",\"quantity\":2}",
                Map.of("Authorization", "Bearer " + pass));
        assertEquals(201, held.status(), held.body().toString());
        // queue-service counts holds through a repartition topic, a moment behind the gateway.
        Await.sleep(Duration.ofSeconds(1));
        String bob = placed("scarce", "bob").text("ticket");
        assertEquals("WAITING", status("scarce", bob).text("state"), "held seats may still come back");

        gateway.post("/api/sales/scarce/holds/" + held.text("holdId") + "/checkout", "{\"paymentMethod\":\"tok_visa\"}",
                Map.of("Authorization", "Bearer " + held.text("admissionToken")));

        Await.until("sold out", () -> status("scarce", bob).text("state"), "SOLD_OUT"::equals);
        assertEquals("PURCHASED", status("scarce", alice).text("state"));
        assertEquals("SOLD_OUT", gateway.get("/api/sales/scarce", Map.of()).text("phase"));
    }

    @Test
    void operatorsPauseMessageChangeTheRateResumeAndCloseWithinASecond() {
        createSale("ops", Instant.now(), 1, 1000, 100, 600);
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tickets.add(placed("ops", "b" + i).text("ticket"));
        }
        String last = tickets.get(4);

        Instant asked = Instant.now();
        GatewayClient.Reply paused = gateway.post("/api/operator/sales/ops/pause", "{\"reason\":\"incident\"}", operator());
        assertEquals(200, paused.status(), paused.body().toString());
        Await.until("paused", () -> status("ops", last).text("state"), "PAUSED"::equals);
        assertTrue(Duration.between(asked, Instant.now()).toMillis() < 1000, "effective within a second");
        assertEquals(409, gateway.post("/api/operator/sales/ops/pause", "{\"reason\":\"again\"}", operator()).status());

        gateway.post("/api/operator/sales/ops/message", "{\"message\":\"Back shortly\"}", operator());
        assertEquals("Back shortly", Await.until("message", () -> status("ops", last),
                r -> r.text("message") != null).text("message"));
        gateway.post("/api/operator/sales/ops/rate", "{\"admissionRatePerSecond\":50,\"reason\":\"recovered\"}",
                operator());
        assertEquals(50, gateway.get("/api/sales/ops", Map.of()).body().path("admissionRatePerSecond").asInt());

        gateway.post("/api/operator/sales/ops/resume", "{\"reason\":\"recovered\"}", operator());
        Await.until("everyone admitted", () -> admittedThrough("ops"), n -> n == 5);

        gateway.post("/api/operator/sales/ops/close", "{\"reason\":\"done\"}", operator());
        Await.until("closed", () -> status("ops", last).text("state"), "CLOSED"::equals);
        GatewayClient.Reply refused = join("ops", "latecomer");
        assertEquals(409, refused.status());
        assertEquals("SALE_CLOSED", refused.text("error"));
    }

    @Test
    void aBuyerHammeringJoinIsRateLimitedWithRetryAfterAndKeepsTheirPlace() {
        createSale("limits", Instant.now(), 50, 1000, 1000, 600);
        List<GatewayClient.Reply> replies = new ArrayList<>();
        Map<String, String> eager = new HashMap<>(as("eager"));
        eager.put("Origin", "http://localhost:8080");
        for (int i = 0; i < 10; i++) {
            replies.add(gateway.post("/api/sales/limits/queue", "{}", eager));
        }
        GatewayClient.Reply limited = replies.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertEquals("RATE_LIMITED", limited.text("error"));
        assertTrue(Long.parseLong(limited.raw().headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertEquals("http://localhost:8080",
                limited.raw().headers().firstValue("Access-Control-Allow-Origin").orElseThrow(), "CORS on errors too");
        assertEquals(1, replies.stream().filter(r -> r.status() == 200)
                .map(r -> r.body().path("sequence").asLong()).distinct().count(), "one place, however often");
    }

    @Test
    void forgedAndOtherSaleTokensAreRefusedAndTheStreamSpeaksTheSameStates() throws Exception {
        createSale("tokens", Instant.now(), 50, 100, 100, 600);
        createSale("elsewhere", Instant.now(), 50, 100, 100, 600);
        String ticket = placed("tokens", "carol").text("ticket");
        String pass = Await.until("admitted", () -> status("tokens", ticket), r -> "ADMITTED".equals(r.text("state")))
                .text("admissionToken");

        String[] parts = pass.split("\\.");
        String forged = parts[0] + "." + new StringBuilder(parts[1]).reverse();
        GatewayClient.Reply forgedHold = hold("tokens",
                "{\"sectionId\":\"floor\",\"quantity\":1}", Map.of("Authorization", "Bearer " + forged));
        assertEquals(401, forgedHold.status());
        assertEquals("INVALID_TOKEN", forgedHold.text("error"));
        GatewayClient.Reply otherSale = hold("elsewhere",
                "{\"sectionId\":\"floor\",\"quantity\":1}", Map.of("Authorization", "Bearer " + pass));
        assertEquals(403, otherSale.status());
        assertEquals("WRONG_SALE", otherSale.text("error"));
        assertEquals(403, status("elsewhere", ticket).status());

        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.gatewayUrl() + "/api/sales/tokens/status/stream?ticket=" + ticket)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream", stream.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(stream.body()))) {
            assertEquals("event: ADMITTED", lines.readLine());
            assertTrue(lines.readLine().contains("\"state\":\"ADMITTED\""));
        }
    }

    /** Joins with an access code as the client {@code buyerId} (see {@link #as}); JOINING (202) means join again. */
    private GatewayClient.Reply joinWithCode(String saleId, String buyerId, String code) {
        String body = code == null ? "{}" : "{\"accessCode\":\"" + code + "\"}";
        return Await.until("a join answered", () -> gateway.post("/api/sales/" + saleId + "/queue", body, as(buyerId)),
                r -> r.status() != 202);
    }

    @Test
    void anInviteOnlySaleTakesACodeOnceRefusesASecondUseByAnotherIdentityAndAnUnknownCode() {
        createSale("""
                {"saleId": "presale", "name": "Presale", "currency": "EUR", "admissionRatePerSecond": 10,
                 "maxActiveShoppers": 100, "perBuyerLimit": 4, "inviteOnly": true,
                 "sections": [{"id": "floor", "name": "Floor", "capacity": 100, "priceCents": 1000}]}
                """);
        assertTrue(gateway.get("/api/sales/presale", Map.of()).body().path("inviteOnly").asBoolean());
        GatewayClient.Reply issued = gateway.post("/api/operator/sales/presale/access-codes", "{\"count\":2}",
                operator());
        assertEquals(201, issued.status(), issued.raw().body());
        assertTrue(issued.raw().headers().firstValue("Content-Disposition").orElse("").contains(".csv"));
        List<String> codes = issued.raw().body().lines().skip(1).map(line -> line.split(",")[1]).toList();
        assertEquals(2, codes.size());
        // The codes are in force once queue-service has stored them: the console says so.
        Await.until("the codes stored", () -> gateway.get("/api/operator/sales/presale/figures", operator()),
                r -> r.body().path("accessCodesIssued").asLong() == 2);

        GatewayClient.Reply alice = joinWithCode("presale", "alice", codes.get(0));
        assertEquals(200, alice.status(), alice.body().toString());
        GatewayClient.Reply aliceAgain = joinWithCode("presale", "alice", codes.get(0).toLowerCase());
        assertEquals(200, aliceAgain.status(), "the identity that used the code keeps its place");
        assertEquals(alice.body().path("sequence").asLong(), aliceAgain.body().path("sequence").asLong());
        assertEquals(alice.text("buyerId"), aliceAgain.text("buyerId"));
        GatewayClient.Reply aliceWithoutCode = joinWithCode("presale", "alice", null);
        assertEquals(200, aliceWithoutCode.status(), "from another device without her code, she keeps her place");
        assertEquals(alice.body().path("sequence").asLong(), aliceWithoutCode.body().path("sequence").asLong());

        GatewayClient.Reply mallory = joinWithCode("presale", "mallory", codes.get(0));
        assertEquals(403, mallory.status(), mallory.body().toString());
        assertEquals("ACCESS_CODE_USED", mallory.body().path("error").asText());
        GatewayClient.Reply unknown = joinWithCode("presale", "trudy", "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        assertEquals(403, unknown.status(), unknown.body().toString());
        assertEquals("ACCESS_CODE_UNKNOWN", unknown.body().path("error").asText());
        GatewayClient.Reply none = joinWithCode("presale", "nobody", null);
        assertEquals(403, none.status(), none.body().toString());
        assertEquals("ACCESS_CODE_REQUIRED", none.body().path("error").asText());

        GatewayClient.Reply bob = joinWithCode("presale", "bob", codes.get(1));
        assertEquals(200, bob.status(), "the other code still works");
        GatewayClient.Reply figures = Await.until("two codes used", () -> gateway.get(
                "/api/operator/sales/presale/figures", operator()), r -> r.body().path("accessCodesUsed").asLong() == 2);
        assertEquals(2, figures.body().path("accessCodesIssued").asLong());
        assertEquals(2, gateway.get("/api/sales/presale", Map.of()).body().path("inLine").asLong(),
                "refusals took no place");
        assertTrue(events("presale", io.floodgate.contracts.accesscode.AccessCodesIssued.class).findAny().isPresent());
        assertTrue(topics.readAll().stream().noneMatch(e -> e.toString().contains(codes.get(0).replace("-", ""))),
                "no code in plain text on any topic");
    }
}
