package io.floodgate.gateway.edge;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.hold.HoldPlaced;
import io.floodgate.contracts.hold.HoldRequested;
import io.floodgate.gateway.view.GatewayView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's edge, with no other service running: bad input gets one clear 4xx JSON (never a
 * 5xx) and changes nothing; who is asking is the connection, not a header; a ticket holds one
 * status stream, and streams count towards load shedding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayEdgeTest {
    private static final String SALE = "edge";
    private GatewayHarness gateway;
    private String admission;

    @BeforeAll
    void start() {
        gateway = GatewayHarness.start(Map.of(
                "floodgate.gateway.limits.join-per-address", 5,
                "floodgate.gateway.limits.max-streams", 3));
        assertEquals(201, gateway.createSale(SALE));
        admission = "Bearer " + gateway.admission(SALE, "alice");
    }

    /** Closed streams are released asynchronously: each test starts with none open, whatever ran before. */
    @AfterEach
    void noStreamLeftOpen() throws InterruptedException {
        io.floodgate.gateway.limits.LoadShedder shedder = gateway.bean(io.floodgate.gateway.limits.LoadShedder.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (shedder.openStreams() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, shedder.openStreams(), "streams still open after the test");
    }

    @AfterAll
    void stop() {
        gateway.close();
    }


    @Test
    void aFractionalQuantityIsABadRequestNamingTheField() {
        assertBadRequestNaming("quantity", gateway.post("/api/sales/" + SALE + "/holds",
                "{\"sectionId\":\"floor\",\"quantity\":1.5}", "Authorization", admission));
    }

    @Test
    void aQuantityGivenAsTextIsABadRequestNamingTheField() {
        assertBadRequestNaming("quantity", gateway.post("/api/sales/" + SALE + "/holds",
                "{\"sectionId\":\"floor\",\"quantity\":\"2\"}", "Authorization", admission));
    }

    @Test
    void aPaymentMethodGivenAsANumberIsABadRequestNamingTheField() {
        assertBadRequestNaming("paymentMethod", gateway.post("/api/sales/" + SALE + "/holds/some-hold/checkout",
                "{\"paymentMethod\":42}", "Authorization", admission));
    }

    @Test
    void aNullByteInAnOrderIdIsABadRequestNamingTheParameter() {
        HttpResponse<String> answer = gateway.get("/api/sales/" + SALE + "/orders/ab%00cd",
                "Floodgate-Ticket", gateway.ticket(SALE, "alice", 1));
        assertBadRequestNaming("orderId", answer);
    }

    @Test
    void aSaleTooLargeForKafkaIsA4xxNotA503() {
        HttpResponse<String> answer = gateway.post("/api/operator/sales",
                GatewayHarness.saleJson("huge", "x".repeat(1024 * 1024)),
                "Authorization", "Bearer " + GatewayHarness.OPERATOR_TOKEN);
        assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, answer.statusCode() + " " + answer.body());
        assertJsonError(answer);
        assertEquals(404, gateway.get("/api/sales/huge").statusCode());
    }

    @Test
    void aTooLongUriIs414() {
        HttpResponse<String> answer = gateway.get("/api/ping?pad=" + "p".repeat(10_000));
        assertEquals(414, answer.statusCode(), answer.body());
        assertJsonError(answer);
    }

    @Test
    void oversizedHeadersAre431() {
        HttpResponse<String> answer = gateway.get("/api/ping", "X-Padding", "p".repeat(20_000));
        assertEquals(431, answer.statusCode(), answer.body());
        assertJsonError(answer);
    }

    @Test
    void anOriginThatIsNotAllowedIsForbiddenAndItsJoinIsNotProcessed() {
        for (String origin : new String[] {"http://localhost:8081", "https://localhost:8080", "http://evil.example"}) {
            HttpResponse<String> ping = gateway.get("/api/ping", "Origin", origin);
            assertEquals(403, ping.statusCode(), origin + ": " + ping.body());
            assertTrue(ping.body().contains("ORIGIN_NOT_ALLOWED"), ping.body());
            HttpResponse<String> join = gateway.post("/api/sales/" + SALE + "/queue", "{}",
                    "Origin", origin);
            assertEquals(403, join.statusCode(), origin + ": " + join.body());
        }
        assertTrue(gateway.bean(io.floodgate.gateway.view.GatewayView.class).joins().size() == 0);
    }

    @Test
    void allowedAndSameOriginsAreServedWithCorsHeaders() {
        HttpResponse<String> listed = gateway.get("/api/ping", "Origin", "http://127.0.0.1:8080");
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals("http://127.0.0.1:8080", listed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        String self = gateway.url("");
        assertEquals(200, gateway.get("/api/ping", "Origin", self).statusCode());
    }

    @Test
    void publicHealthShowsNoDatabaseUrlUserOrDiskSizes() {
        HttpResponse<String> health = gateway.get("/health");
        assertFalse(health.body().contains("jdbc:"), health.body());
        assertFalse(health.body().contains("postgres"), health.body());
        assertFalse(health.body().contains("diskSpace"), health.body());
        assertFalse(health.body().contains("total"), health.body());
        assertFalse(gateway.get("/health", "Authorization", "Bearer " + GatewayHarness.OPERATOR_TOKEN).body()
                .contains("diskSpace"));
        assertEquals(401, gateway.get("/api/operator/health").statusCode());
        HttpResponse<String> operators = gateway.get("/api/operator/health",
                "Authorization", "Bearer " + GatewayHarness.OPERATOR_TOKEN);
        assertTrue(operators.body().contains("diskSpace"), operators.body());
    }

    @Test
    void aCheckoutOfAHoldWithLessThanTheMinimumTimeLeftIsAConflict() {
        GatewayView view = gateway.bean(GatewayView.class);
        Instant now = Instant.now();
        view.apply(new HoldRequested(EventMeta.of(SALE, "corr-alice", "req", now), "ending", "alice", "floor", 1,
                List.of()));
        view.apply(new HoldPlaced(EventMeta.of(SALE, "corr-alice", "req", now), "ending", "alice", "floor",
                List.of("1"), 1000, "EUR", now.plusSeconds(2))); // the minimum is 5 s

        HttpResponse<String> answer = gateway.post("/api/sales/" + SALE + "/holds/ending/checkout",
                "{\"paymentMethod\":\"tok_visa\"}", "Authorization", admission);

        assertEquals(409, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("HOLD_EXPIRING"), answer.body());
    }

    @Test
    void aSecondCreateOfAnExistingSaleIsAConflictUnlessIdentical() {
        assertEquals(201, gateway.createSale("twice"));
        assertEquals(201, gateway.createSale("twice"), "an identical create is answered as the first");
        HttpResponse<String> other = gateway.post("/api/operator/sales", GatewayHarness.saleJson("twice", "Another"),
                "Authorization", "Bearer " + GatewayHarness.OPERATOR_TOKEN);
        assertEquals(409, other.statusCode(), other.body());
        assertTrue(other.body().contains("SALE_EXISTS"), other.body());
    }

    @Test
    void concurrentCreatesOfOneSaleIdAnswerOneWinnerAndConflictsForTheOthers() {
        var answers = java.util.stream.IntStream.range(0, 4).parallel()
                .mapToObj(i -> gateway.post("/api/operator/sales", GatewayHarness.saleJson("raced", "Name " + i),
                        "Authorization", "Bearer " + GatewayHarness.OPERATOR_TOKEN).statusCode())
                .toList();
        assertEquals(1, answers.stream().filter(code -> code == 201).count(), answers.toString());
        assertEquals(3, answers.stream().filter(code -> code == 409).count(), answers.toString());
    }

    @Test
    void forwardedForHeadersFromAnUntrustedPeerDoNotGiveFreshBuckets() {
        // All at once, each from another address as the header would have it, each another buyer.
        List<CompletableFuture<HttpResponse<String>>> joins = IntStream.range(0, 30)
                .mapToObj(i -> gateway.client().sendAsync(HttpRequest.newBuilder(URI.create(gateway.url("/api/sales/"
                                        + SALE + "/queue")))
                                .header("Content-Type", "application/json").header("X-Forwarded-For", "10.0.0." + i)
                                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        List<Integer> codes = joins.stream().map(join -> join.join().statusCode()).toList();
        assertTrue(codes.stream().filter(code -> code == 429).count() >= 15, codes.toString());
    }

    @Test
    void aNewStatusStreamOfOneTicketEndsTheOldOne() throws Exception {
        String ticket = gateway.ticket(SALE, "streamer", 1);
        HttpResponse<Stream<String>> first = stream(ticket);
        assertEquals(200, first.statusCode());
        CompletableFuture<Long> firstEnded = CompletableFuture.supplyAsync(() -> first.body().count());
        HttpResponse<Stream<String>> second = stream(ticket);
        assertEquals(200, second.statusCode());
        firstEnded.get(5, TimeUnit.SECONDS); // the old stream is over
        second.body().close();
    }

    @Test
    void openStatusStreamsCountTowardsLoadShedding() {
        List<HttpResponse<Stream<String>>> open = new ArrayList<>();
        try {
            HttpResponse<Stream<String>> refused = null;
            for (int i = 0; i < 5 && refused == null; i++) {
                HttpResponse<Stream<String>> answer = stream(gateway.ticket(SALE, "many" + i, 1));
                if (answer.statusCode() == 503) {
                    refused = answer;
                } else {
                    assertEquals(200, answer.statusCode());
                    open.add(answer);
                }
            }
            assertTrue(refused != null, "five streams open at once with max-streams 3");
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        } finally {
            open.forEach(s -> s.body().close());
        }
    }

    private HttpResponse<Stream<String>> stream(String ticket) {
        try {
            return gateway.client().send(HttpRequest.newBuilder(URI.create(gateway.url("/api/sales/" + SALE
                            + "/status/stream?ticket=" + ticket))).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertBadRequestNaming(String field, HttpResponse<String> answer) {
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"BAD_REQUEST\""), answer.body());
        assertTrue(answer.body().contains(field), answer.body());
        assertJsonError(answer);
    }

    private static void assertJsonError(HttpResponse<String> answer) {
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                answer.headers().toString());
        assertTrue(answer.body().startsWith("{\"status\":" + answer.statusCode()), answer.body());
    }
}
