package io.floodgate.gateway.edge;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the gateway answers to bad input, by itself: one clear 4xx JSON, never a 5xx, nothing changed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeInputTest {
    private static final String SALE = "edge";
    private GatewayHarness gateway;
    private String admission;

    @BeforeAll
    void start() {
        gateway = GatewayHarness.start(Map.of());
        assertEquals(201, gateway.createSale(SALE));
        admission = "Bearer " + gateway.admission(SALE, "alice");
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void aBuyerIdGivenAsAnArrayIsABadRequestNamingTheField() {
        assertBadRequestNaming("buyerId", gateway.post("/api/sales/" + SALE + "/queue", "{\"buyerId\":[\"zed\"]}"));
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
            HttpResponse<String> join = gateway.post("/api/sales/" + SALE + "/queue", "{\"buyerId\":\"mallory\"}",
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
