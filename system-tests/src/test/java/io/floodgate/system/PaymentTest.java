package io.floodgate.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.floodgate.cli.audit.ReconcileCommand;
import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.checkout.CheckoutRequested;
import io.floodgate.contracts.checkoutanswer.CheckoutAccepted;
import io.floodgate.contracts.checkoutanswer.CheckoutRefused;
import io.floodgate.contracts.hold.HoldExpired;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.contracts.payment.PaymentDeclined;
import io.floodgate.contracts.provider.ProviderRecovered;
import io.floodgate.contracts.provider.ProviderUnavailable;
import io.floodgate.kit.process.FloodgateService;
import io.floodgate.kit.process.ProjectLayout;
import io.floodgate.kit.stack.StackSettings;
import io.floodgate.payment.reconcile.Difference;
import io.floodgate.payment.reconcile.Reconciliation;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payment against the simulated provider over HTTP: the pace measured at the provider, a crash
 * between charging and publishing, a provider outage, and reconciliation. Scaled for CI by
 * default; {@code -Dfloodgate.payments.checkouts=5000 -Dfloodgate.payments.outage-seconds=120}
 * runs the full figures (see docs/benchmarks.md).
 */
class PaymentTest extends StackTest {
    private static final int RATE_PER_MINUTE = 600;
    /** More than a minute's worth at the rate, so the provider's busiest minute is a real test. */
    private static final int CHECKOUTS = Integer.getInteger("floodgate.payments.checkouts", 700);
    private static final int OUTAGE_SECONDS = Integer.getInteger("floodgate.payments.outage-seconds", 25);

    private GatewayClient provider;

    @Override
    protected StackSettings settings(Path home) {
        return super.settings(home).withEnvironment(Map.of(
                "FLOODGATE_PAYMENT_RATE_PER_MINUTE", Integer.toString(RATE_PER_MINUTE),
                "FLOODGATE_PAYMENT_OPEN_FOR", "1s",
                "FLOODGATE_PAYMENT_MAX_OPEN_FOR", "4s",
                "FLOODGATE_SIMULATOR_LATENCY", "20ms",
                "FLOODGATE_SIMULATOR_LATENCY_JITTER", "10ms"));
    }

    private GatewayClient provider() {
        if (provider == null) {
            provider = new GatewayClient(stack.paymentProviderUrl());
        }
        return provider;
    }

    /** A buyer holding seats: what they need to check out. */
    private record Holder(String buyerId, String ticket, String holdId, String pass) {
    }

    private void createSale(String saleId, int seats, int holdSeconds) {
        createSale("""
                {"saleId": "%s", "name": "%s", "currency": "EUR", "admissionRatePerSecond": 2000,
                 "maxActiveShoppers": 100000, "holdDurationSeconds": %d, "perBuyerLimit": 1,
                 "sections": [{"id": "floor", "name": "Floor", "rows": %d, "seatsPerRow": 50, "priceCents": 4200}]}"""
                .formatted(saleId, saleId, holdSeconds, (seats + 49) / 50));
    }

    private Holder holding(String saleId, String buyerId) {
        Admitted buyer = admitted(saleId, buyerId);
        GatewayClient.Reply held = hold(saleId, "{\"sectionId\":\"floor\",\"quantity\":1}",
                Map.of("Authorization", "Bearer " + buyer.pass()));
        assertEquals(201, held.status(), held.body().toString());
        return new Holder(buyerId, buyer.ticket(), held.text("holdId"), buyer.passAfter(held));
    }

    private List<Holder> holding(String saleId, int buyers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Holder>> futures = IntStream.range(0, buyers)
                    .mapToObj(i -> pool.submit(() -> holding(saleId, saleId + "-buyer-" + i))).toList();
            List<Holder> holders = new ArrayList<>();
            for (Future<Holder> f : futures) {
                holders.add(f.get());
            }
            return holders;
        } finally {
            pool.shutdownNow();
        }
    }

    private GatewayClient.Reply checkout(String saleId, Holder h) {
        return gateway.post("/api/sales/" + saleId + "/holds/" + h.holdId() + "/checkout",
                "{\"paymentMethod\":\"tok_visa\"}", Map.of("Authorization", "Bearer " + h.pass()));
    }

    private void checkoutAll(String saleId, List<Holder> holders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<GatewayClient.Reply>> replies = holders.stream()
                    .map(h -> pool.submit(() -> checkout(saleId, h))).toList();
            for (Future<GatewayClient.Reply> r : replies) {
                assertEquals(202, r.get().status(), r.get().body().toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code buyers} buyers of one seat each, paid for and in the ledger. */
    private void bought(String saleId, int buyers) throws Exception {
        checkoutAll(saleId, holding(saleId, buyers));
        awaitOrders(saleId, buyers, Duration.ofSeconds(60));
    }

    private JsonNode status(String saleId, Holder h) {
        return gateway.get("/api/sales/" + saleId + "/status", Map.of("Floodgate-Ticket", h.ticket())).body();
    }

    private JsonNode providerStats(String saleId) {
        return provider().get("/simulator/stats?saleId=" + saleId, Map.of()).body();
    }

    private long orders(String saleId) {
        try {
            return count("SELECT count(*) FROM orders WHERE sale_id = '" + saleId + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitOrders(String saleId, int expected, Duration patience) {
        Await.until(expected + " orders in " + saleId, patience, () -> orders(saleId), n -> n == expected);
    }

    @Test
    void checkoutsArrivingAtOnceReachTheProviderNoFasterThanItsRate() throws Exception {
        String sale = "rush";
        createSale(sale, CHECKOUTS, 1800);
        List<Holder> holders = holding(sale, CHECKOUTS);

        Instant start = Instant.now();
        checkoutAll(sale, holders);
        Duration accepted = Duration.between(start, Instant.now());
        // Buyers in payment see their place in the payment line, and it moves.
        Holder furthest = holders.get(0);
        JsonNode first = status(sale, furthest);
        for (Holder h : holders) {
            JsonNode s = status(sale, h);
            if (s.path("ahead").asLong(-1) > first.path("ahead").asLong(-1)) {
                furthest = h;
                first = s;
            }
        }
        Await.sleep(Duration.ofSeconds(3));
        JsonNode later = status(sale, furthest);
        awaitOrders(sale, CHECKOUTS, Duration.ofSeconds(CHECKOUTS * 60L / RATE_PER_MINUTE + 60));
        Duration paid = Duration.between(start, Instant.now());

        JsonNode stats = providerStats(sale);
        JsonNode traffic = stats.path("traffic");
        System.out.printf("payments: %d checkouts accepted in %d ms; all paid after %d ms; provider saw %d requests, "
                        + "at most %d in any minute, %d in any 10 s, %d in any second (rate %d/min), smallest gap "
                        + "%.1f ms%n", CHECKOUTS, accepted.toMillis(), paid.toMillis(), traffic.path("requests").asLong(),
                traffic.path("mostInAnyMinute").asLong(), traffic.path("mostInAnyTenSeconds").asLong(),
                traffic.path("mostInAnySecond").asLong(), RATE_PER_MINUTE, traffic.path("smallestGapMs").asDouble());
        assertEquals("PAYING", first.path("state").asText(), first.toString());
        assertTrue(first.path("ahead").asLong() > CHECKOUTS / 2, "most checkouts are still ahead: " + first);
        assertTrue(later.path("ahead").asLong() < first.path("ahead").asLong(), first + " then " + later);
        assertTrue(later.path("waitEstimateSeconds").asLong() > 0, "an estimate at the measured pace: " + later);
        assertEquals(CHECKOUTS, stats.path("authorized").asLong(), "every checkout charged once");
        assertEquals(CHECKOUTS, traffic.path("requests").asLong(), "and asked once: nothing failed or repeated");
        assertTrue(traffic.path("mostInAnyMinute").asLong() <= RATE_PER_MINUTE, traffic.toString());
        assertTrue(paid.toMillis() >= (CHECKOUTS - 1) * 60_000L / RATE_PER_MINUTE, "the pace was kept: " + paid);
    }

    @Test
    void aCrashBetweenChargingAndPublishingLeavesExactlyOneChargeAndOneOrder() throws Exception {
        String sale = "crash";
        createSale(sale, 10, 600);
        Holder buyer = holding(sale, "crash-buyer");
        // The provider takes its time to answer, so payment-service dies with the charge made but unanswered.
        setLatency(5_000);
        assertEquals(202, checkout(sale, buyer).status());
        JsonNode charge = Await.until("the charge made at the provider", () -> provider()
                .get("/v1/charges?saleId=" + sale, Map.of()).body(), b -> b.size() == 1).get(0);
        setLatency(20);
        stack.restart(FloodgateService.PAYMENT, true);

        awaitOrders(sale, 1, Duration.ofSeconds(60));
        JsonNode charges = provider().get("/v1/charges?saleId=" + sale, Map.of()).body();
        assertEquals(1, charges.size(), "one charge: " + charges);
        assertEquals(charge.path("chargeId").asText(), charges.get(0).path("chargeId").asText());
        assertTrue(charges.get(0).path("requests").asInt() >= 2, "asked again after the crash: " + charges);
        List<HoldSold> sold = events(HoldSold.class, sale);
        assertEquals(1, sold.size());
        assertEquals(charge.path("chargeId").asText(), sold.get(0).chargeId());
        assertEquals("PURCHASED", status(sale, buyer).path("state").asText());
        assertTrue(reconcile(sale).clean());
    }

    @Test
    void duringAProviderOutageHoldsInPaymentAreKeptBuyersAreToldAndAllPaymentsCompleteAfter() throws Exception {
        String sale = "outage";
        int buyers = 12;
        int holdSeconds = 10; // much shorter than the outage: payment must not let them expire
        createSale(sale, buyers, holdSeconds);
        List<Holder> holders = holding(sale, buyers);
        JsonNode outage = provider().post("/simulator/outages", "{\"durationSeconds\": " + OUTAGE_SECONDS + "}",
                Map.of()).body();
        try {
            outageWaitedOut(sale, holders, holdSeconds, Instant.parse(outage.path("end").asText()));
        } finally {
            provider().delete("/simulator/outages");
        }
    }

    private void outageWaitedOut(String sale, List<Holder> holders, int holdSeconds, Instant ends) throws Exception {
        int buyers = holders.size();
        checkoutAll(sale, holders);

        JsonNode delayed = Await.until("buyers told their payment is delayed", () -> status(sale, holders.get(0)),
                s -> "PAYMENT_DELAYED".equals(s.path("state").asText()));
        assertTrue(delayed.path("meaning").asText().contains("stay held"), delayed.toString());
        assertTrue(metric("floodgate_payment_provider_unavailable").startsWith("1"), "the alert metric rises");
        Await.sleep(Duration.ofSeconds(holdSeconds + 2));
        assertEquals(0, orders(sale), "nothing was paid while the provider was down");
        assertTrue(Instant.now().isBefore(ends), "the outage outlasted the holds");

        awaitOrders(sale, buyers, Duration.ofSeconds(OUTAGE_SECONDS + 60));
        Duration late = Duration.between(ends, Instant.now());
        System.out.printf("payments: %d buyers paid %d ms after a %d s outage ended%n", buyers, late.toMillis(),
                OUTAGE_SECONDS);
        assertTrue(events(HoldExpired.class, sale).isEmpty(), "no hold in payment expired");
        assertEquals(buyers, events(HoldSold.class, sale).size());
        JsonNode stats = providerStats(sale);
        assertEquals(buyers, stats.path("authorized").asLong());
        assertTrue(stats.path("traffic").path("refused").asLong() > 0, stats.toString());
        List<TopicLog.Entry> log = topics.readAll();
        assertTrue(log.stream().anyMatch(e -> e.event() instanceof ProviderUnavailable));
        assertTrue(log.stream().anyMatch(e -> e.event() instanceof ProviderRecovered));
        Await.until("the alert metric back to 0", () -> metric("floodgate_payment_provider_unavailable"),
                v -> v.startsWith("0"));
        assertEquals("PURCHASED", status(sale, holders.get(0)).path("state").asText());
    }

    @Test
    void reconciliationFindsAnOrderWithNoChargeAndAChargeWithNoOrder() throws Exception {
        String sale = "audit";
        createSale(sale, 10, 600);
        bought(sale, 3);
        Reconciliation before = reconcile(sale);
        assertTrue(before.clean(), before.differences().toString());
        assertEquals(3, before.ordersInLedger());
        assertEquals(3 * 4200, before.providerCents());

        try (Connection c = DriverManager.getConnection(stack.jdbcUrl()); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    INSERT INTO orders (order_id, sale_id, buyer_id, section_id, amount_cents, currency, charge_id,
                                        correlation_id, event_id, sold_at)
                    VALUES ('planted-order', 'audit', 'nobody', 'floor', 4200, 'EUR', 'ch_nowhere', 'x', 'planted',
                            now())""");
        }
        GatewayClient.Reply planted = provider().post("/v1/charges", """
                {"saleId": "audit", "reference": "planted-charge", "amountCents": 4200, "currency": "EUR",
                 "paymentMethod": "tok_visa"}""", Map.of("Idempotency-Key", "planted-key"));
        assertEquals(201, planted.status(), planted.body().toString());

        Reconciliation after = reconcile(sale);
        assertEquals(Set.of("ORDER_WITHOUT_CHARGE planted-order", "ORDER_WITHOUT_EVENT planted-order",
                        "CHARGE_WITHOUT_ORDER planted-charge"),
                after.differences().stream().map(d -> d.kind() + " " + d.holdId()).collect(Collectors.toSet()));
        assertTrue(after.differences().stream().anyMatch(d -> d.kind() == Difference.Kind.CHARGE_WITHOUT_ORDER
                && planted.text("chargeId").equals(d.chargeId())));
    }

    @Test
    void aCheckoutThatRacesItsHoldsExpiryIsRefusedAndNothingIsCharged() throws Exception {
        String sale = "late";
        createSale(sale, 10, 10);
        Holder buyer = holding(sale, "late-buyer");
        HoldExpired expired = Await.until("the hold to expire", Duration.ofSeconds(30),
                () -> events(HoldExpired.class, sale), l -> !l.isEmpty()).get(0);
        // A checkout that raced the expiry: the gateway let it through an instant before the hold ended.
        try (KafkaProducer<String, Event> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.CHECKOUTS.name(), buyer.holdId(), new CheckoutRequested(
                    EventMeta.of(sale, "late-buyer", "race", Instant.now()), buyer.holdId(), "late-buyer",
                    expired.sectionId(), 4200, "EUR", "tok_visa"))).get();
        }

        CheckoutRefused refused = Await.until("inventory's answer", Duration.ofSeconds(30),
                () -> events(CheckoutRefused.class, sale), l -> !l.isEmpty()).get(0);
        assertEquals("HOLD_EXPIRED", refused.reason());
        assertEquals(List.of(), events(CheckoutAccepted.class, sale));
        assertEquals(0, provider().get("/v1/charges?saleId=" + sale, Map.of()).body().size(), "nothing charged");
        assertEquals(0, orders(sale));
        JsonNode hold = gateway.get("/api/sales/" + sale + "/holds/" + buyer.holdId(),
                Map.of("Floodgate-Ticket", buyer.ticket())).body();
        assertEquals("HOLD_EXPIRED", hold.path("state").asText(), hold.toString());
        assertTrue(reconcile(sale).clean(), "no charge, no order, nothing owed");
    }

    @Test
    void aPaymentMethodTheProviderRejectsEndsThatPaymentAndTheNextBuyerIsPurchasedWithin30Seconds()
            throws Exception {
        String sale = "rejected";
        createSale(sale, 10, 600);
        Holder first = holding(sale, "rejected-first");
        Holder next = holding(sale, "rejected-next");
        assertEquals(202, gateway.post("/api/sales/" + sale + "/holds/" + first.holdId() + "/checkout",
                "{\"paymentMethod\":\"tok_invalid\"}", Map.of("Authorization", "Bearer " + first.pass())).status());
        // The next buyer comes once the first's charge is at the provider: in a later batch, behind it.
        Await.until("the first charge at the provider", () -> providerStats(sale).path("traffic").path("requests")
                .asLong(), n -> n >= 1);

        Instant paid = Instant.now();
        assertEquals(202, checkout(sale, next).status());
        Await.until("the next buyer PURCHASED", Duration.ofSeconds(30), () -> gateway.get("/api/sales/" + sale
                + "/holds/" + next.holdId(), Map.of("Floodgate-Ticket", next.ticket())).body(),
                h -> h.path("state").asText().equals("PURCHASED"));
        assertTrue(Duration.between(paid, Instant.now()).toSeconds() < 30);

        PaymentDeclined rejected = events(PaymentDeclined.class, sale).get(0);
        assertEquals(first.holdId(), rejected.holdId());
        assertEquals(PaymentDeclined.REJECTED, rejected.code());
        JsonNode hold = Await.until("the first buyer told", () -> gateway.get("/api/sales/" + sale + "/holds/"
                + first.holdId(), Map.of("Floodgate-Ticket", first.ticket())).body(),
                h -> h.path("state").asText().equals("PAYMENT_DECLINED"));
        assertTrue(hold.path("reason").asText().contains("invalid_payment_method"), hold.toString());
        assertEquals(1.0, calls("charge", "rejected"), "counted, for the alert");
        assertTrue(reconcile(sale).clean(), "one order, one charge; the rejected payment charged nothing");
    }

    @Test
    void theSimulatedProvidersRecordSurvivesItsRestartSoReconciliationStillAgrees() throws Exception {
        String sale = "restarted";
        createSale(sale, 10, 600);
        bought(sale, 2);
        assertTrue(reconcile(sale).clean());

        stack.restart(FloodgateService.PAYMENT_SIMULATOR, false); // as Ctrl-C and a new ./floodgate run do

        assertEquals(2, provider().get("/v1/charges?saleId=" + sale, Map.of()).body().size());
        Reconciliation after = reconcile(sale);
        assertTrue(after.clean(), "no order without its charge: " + after.differences());
    }

    @Test
    void theDashboardAndAlertsNameOnlyMetricsTheServicesServe() throws Exception {
        String sale = "metrics";
        createSale(sale, 10, 600);
        bought(sale, 1);

        Set<String> served = new TreeSet<>();
        for (FloodgateService service : FloodgateService.values()) {
            GatewayClient.Reply scrape = new GatewayClient(stack.service(service).url()).get("/prometheus", Map.of());
            assertEquals(200, scrape.status(), service + " serves /prometheus");
            scrape.raw().body().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("[{ ]", 2)[0]).forEach(served::add);
        }
        assertTrue(served.contains("floodgate_sale_waiting") && served.contains("floodgate_payment_provider_unavailable")
                && served.contains("kafka_consumer_fetch_manager_records_lag_max"), served.toString());

        Path deploy = ProjectLayout.locate().root().resolve("deploy");
        Map<String, Object> alerts = new Yaml().load(Files.readString(
                deploy.resolve("prometheus/alerts.yml")));
        List<?> rules = (List<?>) ((Map<?, ?>) ((List<?>) alerts.get("groups")).get(0)).get("rules");
        assertTrue(rules.size() >= 5, "alerts for payments, lag, a stuck queue and a long pause: " + rules);
        JsonNode dashboard = new ObjectMapper().readTree(
                deploy.resolve("grafana/floodgate-dashboard.json").toFile());
        assertTrue(dashboard.path("panels").size() >= 10);
        Set<String> named = new TreeSet<>();
        for (String text : List.of(alerts.toString(), dashboard.toString())) {
            Matcher m = Pattern.compile("\\b(?:floodgate|kafka)_[a-z0-9_]+\\b")
                    .matcher(text);
            while (m.find()) {
                named.add(m.group());
            }
        }
        assertTrue(named.size() >= 10, "the deploy files name the figures: " + named);
        named.removeAll(served);
        assertEquals(Set.of(), named, "named in deploy/ but served by no service");
    }

    private Reconciliation reconcile(String sale) throws Exception {
        return ReconcileCommand.reconcile(List.of(sale, "--kafka", stack.bootstrapServers(), "--jdbc", stack.jdbcUrl(),
                "--provider", stack.paymentProviderUrl())).reconciliation();
    }

    private void setLatency(long millis) {
        GatewayClient.Reply set = provider().put("/simulator/latency", "{\"latencyMs\": " + millis + "}");
        assertEquals(200, set.status(), set.body().toString());
    }

    /** {@code floodgate_payment_calls_total} for one kind and outcome. */
    private double calls(String kind, String outcome) {
        String text = new GatewayClient(stack.service(FloodgateService.PAYMENT).url()).get("/prometheus", Map.of())
                .raw().body();
        return text.lines().filter(l -> l.startsWith("floodgate_payment_calls_total{")
                        && l.contains("kind=\"" + kind + "\"") && l.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private String metric(String name) {
        String text = new GatewayClient(stack.service(FloodgateService.PAYMENT).url()).get("/prometheus", Map.of())
                .raw().body();
        return text.lines().filter(l -> l.startsWith(name + "{")).map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .findFirst().orElse("absent");
    }

    private <E> List<E> events(Class<E> type, String sale) {
        return topics.readAll().stream().map(TopicLog.Entry::event).filter(type::isInstance).map(type::cast)
                .filter(e -> ((io.floodgate.contracts.Event) e).meta().saleId().equals(sale)).toList();
    }
}
