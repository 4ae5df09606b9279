package io.floodgate.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.deadletter.RecordDeadLettered;
import io.floodgate.contracts.arrival.BuyerArrived;
import io.floodgate.contracts.checkout.CheckoutRequested;
import io.floodgate.contracts.checkoutanswer.CheckoutAccepted;
import io.floodgate.contracts.hold.HoldPlaced;
import io.floodgate.contracts.hold.HoldRequested;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.contracts.payment.PaymentAuthorized;
import io.floodgate.contracts.queue.BuyerAdmitted;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.contracts.sale.SaleLimits;
import io.floodgate.kit.process.FloodgateService;
import io.floodgate.kit.stack.SiteKey;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole system: a real KRaft broker and PostgreSQL, and the four services as their own
 * processes, driven only through the gateway's HTTP API.
 */
class BuyingPathTest extends StackTest {
    private static final String SALE = "e2e";

    @BeforeAll
    void createEndToEndSale() {
        createSale("""
                {"saleId": "e2e", "name": "End to end", "currency": "EUR", "admissionRatePerSecond": 50,
                 "maxActiveShoppers": 100, "perBuyerLimit": 4,
                 "sections": [{"id": "floor", "name": "Floor", "rows": 2, "seatsPerRow": 5, "priceCents": 4500}]}
                """);
    }

    @Test
    void aBuyerJoinsIsAdmittedHoldsTwoSeatsChecksOutAndTheOrderIsInPostgres() throws SQLException {
        GatewayClient.Reply joined = join("e2e", "alice");
        assertEquals(200, joined.status(), joined.body().toString());
        String ticket = joined.text("ticket");
        Map<String, String> withTicket = Map.of("Floodgate-Ticket", ticket);

        JsonNode admitted = Await.until("admitted", () -> gateway.get("/api/sales/e2e/status", withTicket),
                r -> "ADMITTED".equals(r.text("state"))).body();
        String pass = admitted.path("admissionToken").asText();

        GatewayClient.Reply held = hold("e2e", "{\"sectionId\":\"floor\",\"quantity\":2}",
                Map.of("Authorization", "Bearer " + pass));
        assertEquals(201, held.status(), held.body().toString());
        assertEquals("HOLDING", held.text("state"));
        assertEquals(List.of("A-1", "A-2"), List.of(held.body().path("seats").get(0).asText(),
                held.body().path("seats").get(1).asText()));
        assertEquals(9000, held.body().path("amountCents").asLong());
        String holdId = held.text("holdId");
        // Reading the hold with the ticket hands over a token to check it out with (what a hold first
        // answered HOLD_PENDING needs once the window is over); it is the one used here.
        GatewayClient.Reply read = gateway.get("/api/sales/e2e/holds/" + holdId, withTicket);
        assertEquals("HOLDING", read.text("state"));
        String checkoutPass = read.text("admissionToken");
        assertTrue(checkoutPass != null && !checkoutPass.equals(pass), read.body().toString());

        GatewayClient.Reply paying = gateway.post("/api/sales/e2e/holds/" + holdId + "/checkout",
                "{\"paymentMethod\":\"tok_visa\"}", Map.of("Authorization", "Bearer " + checkoutPass));
        assertEquals(202, paying.status(), paying.body().toString());
        assertEquals("PAYING", paying.text("state"));

        Await.until("purchased", () -> gateway.get("/api/sales/e2e/holds/" + holdId, withTicket),
                r -> "PURCHASED".equals(r.text("state")));
        GatewayClient.Reply order = Await.until("order readable", () -> gateway.get("/api/sales/e2e/orders/" + holdId,
                withTicket), r -> r.status() == 200);
        assertEquals("alice", order.text("buyerId"));
        assertEquals(9000, order.body().path("amountCents").asLong());

        assertEquals(1, count("SELECT count(*) FROM orders WHERE order_id = '" + holdId + "' AND buyer_id = 'alice'"));
        assertEquals(2, count("SELECT count(*) FROM order_seats WHERE order_id = '" + holdId + "'"));

        assertEveryStepIsOnItsTopicInOrderWithOneCorrelation(holdId);

        JsonNode floor = Await.until("availability shows the sale", () -> gateway.get("/api/sales/e2e/availability",
                Map.of()).body().path("sections").get(0), s -> s != null && s.path("sold").asLong() >= 2);
        assertEquals(10, floor.path("capacity").asLong());
        JsonNode rowA = gateway.get("/api/sales/e2e/sections/floor/seats", Map.of()).body().path("rows").get(0);
        assertEquals("A-1", rowA.path("seats").get(0).path("seat").asText());
        assertFalse(rowA.path("seats").get(0).path("free").asBoolean(), "A-1 is sold");
    }

    private void assertEveryStepIsOnItsTopicInOrderWithOneCorrelation(String holdId) {
        List<TopicLog.Entry> log = topics.readAll();
        BuyerQueued queued = only(log, Topics.QUEUE.name(), BuyerQueued.class, e -> e.buyerId().equals("alice"));
        String correlation = queued.meta().correlationId();
        List<TopicLog.Entry> alice = log.stream().filter(e -> e.event().meta().correlationId().equals(correlation))
                .toList();

        BuyerArrived arrived = only(alice, Topics.ARRIVALS.name(), BuyerArrived.class, e -> true);
        BuyerAdmitted admitted = only(alice, Topics.QUEUE.name(), BuyerAdmitted.class, e -> true);
        HoldRequested requested = only(alice, Topics.HOLD_COMMANDS.name(), HoldRequested.class, e -> true);
        HoldPlaced placed = only(alice, Topics.HOLDS.name(), HoldPlaced.class, e -> true);
        CheckoutRequested checkout = only(alice, Topics.CHECKOUTS.name(), CheckoutRequested.class, e -> true);
        CheckoutAccepted accepted = only(alice, Topics.CHECKOUT_ANSWERS.name(), CheckoutAccepted.class, e -> true);
        PaymentAuthorized paid = only(alice, Topics.PAYMENTS.name(), PaymentAuthorized.class, e -> true);
        HoldSold sold = only(alice, Topics.HOLDS.name(), HoldSold.class, e -> true);

        List<Event> steps = List.of(arrived, queued, admitted, requested, placed, checkout, accepted, paid, sold);
        for (int i = 1; i < steps.size(); i++) {
            Instant before = steps.get(i - 1).meta().occurredAt();
            Instant after = steps.get(i).meta().occurredAt();
            assertFalse(after.isBefore(before), steps.get(i) + " happened before " + steps.get(i - 1));
        }
        assertEquals(arrived.meta().eventId(), queued.meta().causationId());
        assertEquals(requested.meta().eventId(), placed.meta().causationId());
        assertEquals(checkout.meta().eventId(), accepted.meta().causationId());
        assertEquals(accepted.meta().eventId(), paid.meta().causationId());
        assertEquals(paid.meta().eventId(), sold.meta().causationId());
        assertEquals(holdId, placed.holdId());
        assertEquals(placed.seats(), sold.seats());
        assertEquals(paid.chargeId(), sold.chargeId());
        assertTrue(steps.stream().allMatch(e -> e.meta().saleId().equals(SALE)));
    }

    @Test
    void badInputGetsAClearJsonErrorAndChangesNothing() throws SQLException {
        // An admitted buyer, so that hold and checkout calls get past authentication.
        Admitted bob = admitted("e2e", "bob");
        Map<String, String> admitted = Map.of("Authorization", "Bearer " + bob.pass());
        awaitQuiet();
        var endsBefore = topics.ends();
        long ordersBefore = count("SELECT count(*) FROM orders");

        // Joins with bob's own credential: only the body is wrong (a valid join would write an arrival).
        Map<String, String> asBob = as("bob");
        expect(400, "BAD_REQUEST", gateway.post("/api/sales/e2e/queue", "{\"buyerId\":", asBob));
        expect(400, "BAD_REQUEST", gateway.post("/api/sales/e2e/queue", "[1]", asBob));
        expect(400, "IDENTITY_IN_BODY", gateway.post("/api/sales/e2e/queue", "{\"buyerId\":\"bob\"}", asBob));
        expect(404, "UNKNOWN_SALE", gateway.post("/api/sales/nope/queue", "{}", asBob));
        expect(400, "BAD_REQUEST", hold("e2e", "{\"sectionId\":\"floor\",\"quantity\":-2}", admitted));
        expect(400, "BAD_REQUEST", hold("e2e", "{\"sectionId\":\"floor\",\"quantity\":0}", admitted));
        expect(400, "BAD_REQUEST", hold("e2e", "{\"sectionId\":\"floor\",\"quantity\":2000000000}", admitted));
        expect(400, "BAD_REQUEST", hold("e2e", "{\"sectionId\":\"floor\",\"quantity\":\"two\"}", admitted));
        expect(400, "BAD_REQUEST", hold("e2e", "{\"sectionId\":\"floor\"}", admitted));
        expect(422, "OVER_BUYER_LIMIT", hold("e2e", "{\"sectionId\":\"floor\",\"quantity\":5}", admitted));
        expect(404, "UNKNOWN_SECTION", hold("e2e", "{\"sectionId\":\"vip\",\"quantity\":1}", admitted));
        expect(401, "MISSING_TOKEN", hold("e2e", "{\"sectionId\":\"floor\",\"quantity\":1}", Map.of()));
        expect(401, "INVALID_TOKEN", hold("e2e", "{\"sectionId\":\"floor\",\"quantity\":1}",
                Map.of("Authorization", "Bearer " + bob.ticket())));
        expect(404, "UNKNOWN_HOLD", gateway.post("/api/sales/e2e/holds/no-such-hold/checkout",
                "{\"paymentMethod\":\"tok_visa\"}", admitted));
        expect(400, "BAD_REQUEST", gateway.post("/api/sales/e2e/holds/no-such-hold/checkout", "{}", admitted));
        expect(401, "MISSING_TOKEN", gateway.get("/api/sales/e2e/status", Map.of()));
        expect(401, "MISSING_TOKEN", gateway.post("/api/operator/sales", "{}", Map.of()));
        expect(401, "NOT_AN_OPERATOR", gateway.post("/api/operator/sales", "{}", Map.of("Authorization", "Bearer guess")));
        expect(400, "BAD_REQUEST", gateway.post("/api/operator/sales", """
                {"saleId": "Bad Id", "name": "x", "currency": "EUR", "admissionRatePerSecond": -1,
                 "maxActiveShoppers": 1, "perBuyerLimit": 1, "sections": []}""", operator()));
        expect(400, "SECTION_SHAPE", gateway.post("/api/operator/sales", """
                {"saleId": "shapeless", "name": "x", "currency": "EUR", "admissionRatePerSecond": 1,
                 "maxActiveShoppers": 1, "perBuyerLimit": 1,
                 "sections": [{"id": "floor", "name": "Floor", "rows": 1, "seatsPerRow": 1, "capacity": 5,
                               "priceCents": 1}]}""", operator()));
        expect(409, "SALE_EXISTS", gateway.post("/api/operator/sales", """
                {"saleId": "e2e", "name": "again", "currency": "EUR", "admissionRatePerSecond": 1,
                 "maxActiveShoppers": 1, "perBuyerLimit": 1,
                 "sections": [{"id": "floor", "name": "Floor", "rows": 1, "seatsPerRow": 1, "priceCents": 1}]}""",
                operator()));
        expect(415, "UNSUPPORTED_MEDIA_TYPE", gateway.post("/api/sales/e2e/queue", "buyerId=bob",
                with(asBob, "Content-Type", "text/plain")));
        // Strict types, one rule for ids in paths (PostgreSQL would refuse a null byte), origins that may call.
        expect(400, "IDENTITY_IN_BODY", gateway.post("/api/sales/e2e/queue", "{\"buyerId\":[\"zed\"]}", asBob));
        expect(400, "BAD_REQUEST", hold("e2e", "{\"sectionId\":\"floor\",\"quantity\":1.5}", admitted));
        expect(400, "BAD_REQUEST", gateway.get("/api/sales/e2e/orders/ab%00cd",
                Map.of("Floodgate-Ticket", bob.ticket())));
        expect(403, "ORIGIN_NOT_ALLOWED", gateway.post("/api/sales/e2e/queue", "{}",
                with(asBob, "Origin", "http://localhost:8081")));

        assertEquals(endsBefore, topics.ends(), "no record was written to any topic");
        assertEquals(ordersBefore, count("SELECT count(*) FROM orders"), "no order row was written");
    }

    /**
     * Must show: a second client that shares nothing with Alice but her name gets nothing of hers.
     * Naming her in the body is refused; its own credential gets its own place; her hold, her order
     * and a checkout of her hold (a declined card would release it) refuse it; her things stay hers.
     */
    @Test
    void aSecondClientThatSharesNothingWithAliceButHerNameGetsNothingOfHers() {
        createSale("""
                {"saleId": "alices", "name": "Alice's night", "currency": "EUR", "admissionRatePerSecond": 50,
                 "maxActiveShoppers": 100, "perBuyerLimit": 4,
                 "sections": [{"id": "floor", "name": "Floor", "rows": 1, "seatsPerRow": 6, "priceCents": 4500}]}
                """);
        Admitted alice = admitted("alices", "alice");
        Map<String, String> aliceTicket = Map.of("Floodgate-Ticket", alice.ticket());
        GatewayClient.Reply bought = hold("alices", "{\"sectionId\":\"floor\",\"quantity\":1}",
                Map.of("Authorization", "Bearer " + alice.pass()));
        assertEquals(201, bought.status(), bought.body().toString());
        String orderId = bought.text("holdId");
        assertEquals(202, gateway.post("/api/sales/alices/holds/" + orderId + "/checkout", "{\"paymentMethod\":\"tok_visa\"}",
                Map.of("Authorization", "Bearer " + alice.passAfter(bought))).status());
        Await.until("alice's order", () -> gateway.get("/api/sales/alices/orders/" + orderId, aliceTicket),
                r -> r.status() == 200);
        GatewayClient.Reply kept = hold("alices", "{\"sectionId\":\"floor\",\"quantity\":1}",
                Map.of("Authorization", "Bearer " + alice.pass()));
        assertEquals(201, kept.status(), kept.body().toString());
        String holdId = kept.text("holdId");
        GatewayClient.Reply hers = gateway.get("/api/sales/alices/status", aliceTicket);

        GatewayClient.Reply namingHer = gateway.post("/api/sales/alices/queue", "{\"buyerId\":\"alice\"}", Map.of());
        expect(400, "IDENTITY_IN_BODY", namingHer);
        assertNull(namingHer.text("ticket"), "no ticket for a name");
        expect(400, "IDENTITY_IN_BODY", gateway.post("/api/sales/alices/queue", "{\"buyerId\":\"alice\"}", as("mallory")));

        Admitted mallory = admitted("alices", "mallory");
        Map<String, String> malloryTicket = Map.of("Floodgate-Ticket", mallory.ticket());
        GatewayClient.Reply own = gateway.get("/api/sales/alices/status", malloryTicket);
        assertEquals("mallory", own.text("buyerId"), own.body().toString());
        assertNotEquals(hers.body().path("sequence").asLong(), own.body().path("sequence").asLong(), "its own place");
        assertNotEquals(alice.ticket(), mallory.ticket());
        assertNotEquals(alice.pass(), mallory.pass());
        assertEquals(0, own.body().path("orderIds").size(), own.body().toString());
        assertNotEquals(holdId, own.text("holdId"));

        expect(403, "NOT_YOUR_HOLD", gateway.get("/api/sales/alices/holds/" + holdId, malloryTicket));
        expect(403, "NOT_YOUR_ORDER", gateway.get("/api/sales/alices/orders/" + orderId, malloryTicket));
        expect(403, "NOT_YOUR_HOLD", gateway.post("/api/sales/alices/holds/" + holdId + "/checkout",
                "{\"paymentMethod\":\"tok_decline\"}", Map.of("Authorization", "Bearer " + mallory.pass())));
        expect(401, "MISSING_TOKEN", gateway.get("/api/sales/alices/orders/" + orderId, Map.of()));

        assertEquals("HOLDING", gateway.get("/api/sales/alices/holds/" + holdId, aliceTicket).text("state"),
                "her hold is still hers and still held");
        assertEquals("alice", gateway.get("/api/sales/alices/orders/" + orderId, aliceTicket).text("buyerId"));
        assertEquals(hers.body().path("sequence").asLong(),
                gateway.get("/api/sales/alices/status", aliceTicket).body().path("sequence").asLong(), "her place");
    }

    /** Must show: in site mode a token the site did not sign for this gateway, now, is refused and writes nothing. */
    @Test
    void inSiteModeAForgedExpiredWrongAudienceOrWrongIssuerTokenIsRefusedWith401JsonAndNothingIsWritten() {
        SiteKey site = site();
        String valid = site.mint("mallory", Duration.ofMinutes(10));
        String[] parts = valid.split("\\.");
        String aliceClaims = site.mint("alice", Duration.ofMinutes(10)).split("\\.")[1];
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("forged", new SiteKey(SiteKey.random().hmacSecret(), site.issuer(), site.audience())
                .mint("alice", Duration.ofMinutes(10)));
        refused.put("expired", site.mint("alice", Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1)));
        refused.put("wrong audience", new SiteKey(site.hmacSecret(), site.issuer(), "another-gateway")
                .mint("alice", Duration.ofMinutes(10)));
        refused.put("wrong issuer", new SiteKey(site.hmacSecret(), "https://evil.example", site.audience())
                .mint("alice", Duration.ofMinutes(10)));
        refused.put("claims swapped under a valid signature", parts[0] + "." + aliceClaims + "." + parts[2]);
        refused.put("alg none", Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + aliceClaims + ".");
        refused.put("not a token", "alice");
        awaitQuiet();
        var endsBefore = topics.ends();

        for (var token : refused.entrySet()) {
            GatewayClient.Reply reply = gateway.post("/api/sales/e2e/queue", "{}",
                    Map.of("Authorization", "Bearer " + token.getValue()));
            expect(401, token.getKey().equals("expired") ? "IDENTITY_EXPIRED" : "INVALID_IDENTITY", reply);
            assertNull(reply.text("ticket"), token.getKey());
        }
        expect(401, "MISSING_IDENTITY", gateway.post("/api/sales/e2e/queue", "{}", Map.of()));
        expect(401, "MISSING_IDENTITY", gateway.post("/api/sales/e2e/queue", "{}", Map.of("Floodgate-Identity", "x")));

        assertEquals(endsBefore, topics.ends(), "no record was written to any topic");
    }

    @Test
    void everyServiceReportsHealthAndTheGatewayServesItsOpenApiDocument() {
        for (FloodgateService service : FloodgateService.values()) {
            GatewayClient.Reply health = new GatewayClient(stack.service(service).url()).get("/health", Map.of());
            assertEquals(200, health.status(), service + " " + health.body());
            assertEquals("UP", health.text("status"), service + " " + health.body());
        }
        GatewayClient.Reply openApi = gateway.get("/openapi.yml", Map.of("Accept", "application/yaml"));
        assertEquals(200, openApi.status());
        String document = openApi.raw().body();
        assertTrue(document.startsWith("openapi: 3"), document);
        for (String path : List.of("/api/sales/{saleId}/queue", "/api/sales/{saleId}/status",
                "/api/sales/{saleId}/holds", "/api/sales/{saleId}/holds/{holdId}/checkout",
                "/api/sales/{saleId}/orders/{orderId}", "/api/operator/sales")) {
            assertTrue(document.contains(path + ":"), "OpenAPI document lacks " + path);
        }
    }

    @Test
    void aSaleOverTheLimitsOfASaleIsRefusedNamingTheLimitAndChangesNothing() {
        String sections = IntStream.range(0, 10_000).mapToObj(i -> "{\"id\": \"s" + i
                + "\", \"name\": \"S\", \"rows\": 1, \"seatsPerRow\": 1, \"priceCents\": 1}")
                .collect(Collectors.joining(","));
        var salesBefore = salesEnds();

        GatewayClient.Reply refused = gateway.post("/api/operator/sales", """
                {"saleId": "huge", "name": "Huge", "currency": "EUR", "admissionRatePerSecond": 1,
                 "maxActiveShoppers": 1, "perBuyerLimit": 1, "sections": [""" + sections + "]}", operator());

        expect(400, "SALE_TOO_LARGE", refused);
        List<String> details = new ArrayList<>();
        refused.body().path("details").forEach(line -> details.add(line.asText()));
        assertEquals(List.of("sections: 10000 given, must be 1 to " + SaleLimits.MAX_SECTIONS), details);
        expect(404, "UNKNOWN_SALE", gateway.get("/api/sales/huge", Map.of()));
        assertEquals(salesBefore, salesEnds(), "no sale event was written");
    }

    private Map<TopicPartition, Long> salesEnds() {
        return topics.ends().entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.SALES.name()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * A record of a type no reader knows and a record that is not an event at all, on every
     * partition of every topic, in the middle of a sale: every reader steps over them (the second
     * to the dead letters) and buyers keep joining, holding and paying.
     */
    @Test
    void recordsNoReaderCanReadOnEveryTopicMidSaleStopNobody() throws Exception {
        createSale("""
                {"saleId": "poison", "name": "Poison", "currency": "EUR", "admissionRatePerSecond": 50,
                 "maxActiveShoppers": 100, "perBuyerLimit": 4,
                 "sections": [{"id": "floor", "name": "Floor", "rows": 2, "seatsPerRow": 5, "priceCents": 4500}]}
                """);
        Admitted before = admitted("poison", "before");
        String meta = "\"meta\":{\"eventId\":\"" + UUID.randomUUID() + "\",\"saleId\":\"poison\",\"occurredAt\":\""
                + Instant.now() + "\",\"schemaVersion\":1,\"correlationId\":\"c\",\"causationId\":\"c\"}";
        List<byte[]> poison = List.of(("{\"type\":\"AddedByANewerWriter\"," + meta + "}").getBytes(StandardCharsets.UTF_8),
                "not an event {".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Topic<?> topic : Topics.ALL) {
                if (topic == Topics.DEAD_LETTERS) {
                    continue;
                }
                for (PartitionInfo partition : raw.partitionsFor(topic.name())) {
                    for (byte[] value : poison) {
                        raw.send(new ProducerRecord<>(topic.name(), partition.partition(), "poison", value)).get();
                    }
                }
            }
        }

        GatewayClient.Reply held = hold("poison", "{\"sectionId\":\"floor\",\"quantity\":1}",
                Map.of("Authorization", "Bearer " + before.pass()));
        assertEquals(201, held.status(), held.body().toString());
        Admitted after = admitted("poison", "after");
        GatewayClient.Reply heldAfter = hold("poison", "{\"sectionId\":\"floor\",\"quantity\":1}",
                Map.of("Authorization", "Bearer " + after.pass()));
        assertEquals(201, heldAfter.status(), heldAfter.body().toString());
        for (var buyer : List.of(Map.entry(before, held), Map.entry(after, heldAfter))) {
            String holdId = buyer.getValue().text("holdId");
            GatewayClient.Reply paying = gateway.post("/api/sales/poison/holds/" + holdId + "/checkout",
                    "{\"paymentMethod\":\"tok_visa\"}",
                    Map.of("Authorization", "Bearer " + buyer.getKey().passAfter(buyer.getValue())));
            assertEquals(202, paying.status(), paying.body().toString());
            Await.until("purchased", () -> gateway.get("/api/sales/poison/holds/" + holdId,
                    Map.of("Floodgate-Ticket", buyer.getKey().ticket())), r -> "PURCHASED".equals(r.text("state")));
        }

        Set<String> readers = Set.of("gateway/gateway-view", "queue-service/floodgate-queue",
                "inventory-service/floodgate-inventory", "payment-service/checkouts", "payment-service/refunds",
                "payment-service/orders-ledger", "payment-service/sale-rates");
        Set<String> lettered = Await.until("every reader's dead letters", () -> topics.read(List.of(Topics.DEAD_LETTERS))
                        .stream().map(e -> ((RecordDeadLettered) e.event()).reader()).collect(Collectors.toSet()),
                found -> found.containsAll(readers));
        assertTrue(lettered.containsAll(readers), lettered.toString());
        for (FloodgateService service : List.of(FloodgateService.GATEWAY, FloodgateService.QUEUE,
                FloodgateService.INVENTORY, FloodgateService.PAYMENT)) {
            GatewayClient client = new GatewayClient(stack.service(service).url());
            assertEquals("UP", client.get("/health", Map.of()).text("status"), service + " stays healthy");
            String metrics = client.get("/prometheus", Map.of()).raw().body();
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("floodgate_records_skipped_total")
                    && l.contains("reason=\"unknown_type\"") && !l.endsWith(" 0.0")), service + " counted the unknown type");
        }
    }

    private static void expect(int status, String code, GatewayClient.Reply reply) {
        assertEquals(status, reply.status(), reply.body().toString());
        assertEquals(code, reply.text("error"), reply.body().toString());
        assertNotNull(reply.text("message"), reply.body().toString());
        assertTrue(reply.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "errors are JSON");
    }


    /** Waits until the admission ticks and payments of earlier steps have settled on the topics. */
    private void awaitQuiet() {
        var last = topics.ends();
        for (int i = 0; i < 20; i++) {
            Await.sleep(Duration.ofMillis(500));
            var now = topics.ends();
            if (now.equals(last)) {
                return;
            }
            last = now;
        }
        fail("topics kept changing");
    }

    private static <E> E only(List<TopicLog.Entry> log, String topic, Class<E> type, Predicate<E> match) {
        List<E> found = log.stream().filter(e -> e.topic().equals(topic) && type.isInstance(e.event()))
                .map(e -> type.cast(e.event())).filter(match).toList();
        assertEquals(1, found.size(), "exactly one " + type.getSimpleName() + " on " + topic + ": " + found);
        return found.get(0);
    }


}
