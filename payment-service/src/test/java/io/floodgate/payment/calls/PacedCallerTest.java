package io.floodgate.payment.calls;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.checkoutanswer.CheckoutAccepted;
import io.floodgate.contracts.hold.HoldSaleRefused;
import io.floodgate.contracts.payment.PaymentAuthorized;
import io.floodgate.contracts.payment.PaymentDeclined;
import io.floodgate.contracts.payment.PaymentEvent;
import io.floodgate.contracts.payment.PaymentRefundRefused;
import io.floodgate.contracts.payment.PaymentRefunded;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SectionConfig;
import io.floodgate.payment.metrics.PaymentMetrics;
import io.floodgate.payment.pacing.Pacer;
import io.floodgate.payment.pacing.SaleRates;
import io.floodgate.payment.resilience.Backoff;
import io.floodgate.payment.resilience.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacedCallerTest {
    private final Clock clock = Clock.systemUTC();
    private final FakeProvider provider = new FakeProvider(clock);
    /**
     * Calls run on the pacing thread itself, so the provider sees them exactly when the pacer let
     * them go: no thread hand-off (which on a busy machine can take longer than a pace) in between.
     */
    private final Executor executor = Runnable::run;
    private final List<String> told = new ArrayList<>();
    private final CircuitBreaker circuit = new CircuitBreaker(clock, 3, Duration.ofMillis(100), Duration.ofMillis(200),
            new CircuitBreaker.Listener() {
                @Override
                public void opened(String reason, Instant since) {
                    told.add("opened");
                }

                @Override
                public void closed(Duration unavailableFor) {
                    told.add("closed");
                }
            });

    private final SaleRates saleRates = new SaleRates(clock, 0);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private PacedCaller caller(int perMinute) {
        return new PacedCaller(provider, new Pacer(clock, perMinute, 0), saleRates, circuit,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), () -> 0), executor, 8, 3, clock,
                new PaymentMetrics(registry, "fake", () -> circuit.state() != CircuitBreaker.State.CLOSED));
    }

    private static ChargeCall checkout(int i, String method) {
        return checkout("sale", i, method);
    }

    private static ChargeCall checkout(String sale, int i, String method) {
        EventMeta meta = EventMeta.of(sale, "buyer-" + i, "test", Instant.now());
        return new ChargeCall(new CheckoutAccepted(meta, "hold-" + i, "buyer-" + i, "floor", 1_000, "EUR", method));
    }

    private record Outcome(ProviderCall call, PaymentEvent event) {
    }

    /** Runs a batch; one that cannot end fails the test rather than hang it. */
    private List<Outcome> run(PacedCaller caller, List<? extends ProviderCall> calls) {
        List<Outcome> outcomes = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> caller.run(calls, (call, event) -> outcomes.add(new Outcome(call, event)), () -> { }));
        return outcomes;
    }

    private static PaymentEvent outcomeOf(List<Outcome> outcomes, String holdId) {
        return outcomes.stream().filter(o -> o.call().holdId().equals(holdId)).findFirst().orElseThrow().event();
    }

    private double calls(String outcome) {
        return registry.get("floodgate.payment.calls").tag("kind", "charge").tag("outcome", outcome).counter().count();
    }

    @Test
    void everyCallGetsItsOutcomeAndCallsStartNoFasterThanThePace() throws Exception {
        List<ChargeCall> calls = IntStream.range(0, 20).mapToObj(i -> checkout(i, i == 7 ? "tok_decline" : "tok_visa"))
                .toList();

        Instant started = clock.instant();
        List<Outcome> outcomes = run(caller(3_000), calls); // one every 20 ms

        assertEquals(20, outcomes.size());
        assertEquals(19, outcomes.stream().filter(o -> o.event() instanceof PaymentAuthorized).count());
        assertInstanceOf(PaymentDeclined.class, outcomes.stream()
                .filter(o -> o.call().holdId().equals("hold-7")).findFirst().orElseThrow().event());
        // Starts are 20 ms apart at least, so the last cannot reach the provider before 19 intervals have passed.
        Duration paced = Duration.between(started, provider.arrivals.get(provider.arrivals.size() - 1));
        assertTrue(paced.compareTo(Duration.ofMillis(19 * 20)) >= 0, "paced: " + paced);
    }

    @Test
    void anOutageIsWaitedOutBehindTheCircuitAndPaymentsResumeInOrder() throws Exception {
        provider.down = true;
        List<ChargeCall> calls = IntStream.range(0, 10).mapToObj(i -> checkout(i, "tok_visa")).toList();
        Thread recovery = new Thread(() -> {
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                return;
            }
            provider.down = false;
        });
        recovery.start();

        List<Outcome> outcomes = run(caller(60_000), calls);
        recovery.join();

        assertEquals(10, outcomes.size());
        assertTrue(outcomes.stream().allMatch(o -> o.event() instanceof PaymentAuthorized));
        assertEquals("opened", told.get(0));
        assertEquals("closed", told.get(told.size() - 1));
        // Every retry carried the same key: ten holds, ten charges, whatever the attempts.
        assertTrue(provider.keys.size() > 10);
        assertEquals(10, provider.charges.size());
        // After the probe that found the provider back, the others go oldest first: nobody jumps the line.
        List<String> afterProbe = outcomes.subList(1, outcomes.size()).stream().map(o -> o.call().holdId()).toList();
        assertEquals(afterProbe.stream().sorted().toList(), afterProbe);
    }

    @Test
    void aSaleWithItsOwnSlowerRateIsPacedAtItWithoutHoldingUpOtherSales() throws Exception {
        EventMeta created = EventMeta.of("slow", "ops", "test", Instant.now());
        saleRates.apply(new SaleCreated(created, "ops", new SaleConfig("Slow", Instant.now(), "EUR", 10, 10,
                Duration.ofMinutes(10), Duration.ofMinutes(10), 1, List.of(new SectionConfig("floor", "F", 1, 10, 100)),
                600)));
        List<ChargeCall> calls = IntStream.range(0, 10)
                .mapToObj(i -> checkout(i < 5 ? "slow" : "fast", i, "tok_visa")).toList();

        Instant started = clock.instant();
        List<Outcome> outcomes = run(caller(60_000), calls);

        List<String> order = outcomes.stream().map(o -> o.call().holdId()).toList();
        assertTrue(order.indexOf("hold-9") < order.indexOf("hold-4"), "the fast sale did not wait: " + order);
        List<String> slowKeys = provider.keys.stream().filter(k -> Integer.parseInt(k.replace("floodgate-hold-hold-", ""))
                < 5).toList();
        assertEquals(List.of("floodgate-hold-hold-0", "floodgate-hold-hold-1", "floodgate-hold-hold-2",
                "floodgate-hold-hold-3", "floodgate-hold-hold-4"), slowKeys, "in order, once each");
        Duration slow = Duration.between(started, provider.arrivals.get(provider.keys.indexOf("floodgate-hold-hold-4")));
        assertTrue(slow.compareTo(Duration.ofMillis(4 * 100)) >= 0, "the slow sale's charges 100 ms apart: " + slow);
    }

    @Test
    void aRefundBecomesAPaymentRefundedAndOneTheProviderRefusesIsReportedNotRetried() throws Exception {
        run(caller(60_000), List.of(checkout(1, "tok_visa")));
        String charged = provider.charges.values().iterator().next();
        EventMeta meta = EventMeta.of("sale", "buyer-1", "test", Instant.now());
        RefundCall refund = new RefundCall(new HoldSaleRefused(meta, "hold-1", "buyer-1", "floor", charged,
                "HOLD_EXPIRED"));
        RefundCall unknown = new RefundCall(new HoldSaleRefused(meta, "hold-2", "buyer-2", "floor", "ch_unknown",
                "HOLD_EXPIRED"));

        List<Outcome> outcomes = run(caller(60_000), List.of(refund, unknown));

        PaymentRefunded refunded = assertInstanceOf(PaymentRefunded.class, outcomes.stream()
                .filter(o -> o.call() == refund).findFirst().orElseThrow().event());
        assertEquals("re_" + charged, refunded.refundId());
        PaymentRefundRefused refusedRefund = assertInstanceOf(PaymentRefundRefused.class, outcomes.stream()
                .filter(o -> o.call() == unknown).findFirst().orElseThrow().event());
        assertTrue(refusedRefund.reason().contains("unknown_charge"));
        assertEquals(CircuitBreaker.State.CLOSED, circuit.state());
    }

    @Test
    void aPaymentMethodTheProviderRejectsEndsThatPaymentForGoodWithoutHoldingUpTheOthers() {
        List<ChargeCall> calls = IntStream.range(0, 5).mapToObj(i -> checkout(i, i == 0 ? "tok_invalid" : "tok_visa"))
                .toList();

        List<Outcome> outcomes = run(caller(60_000), calls);

        assertEquals(5, outcomes.size());
        PaymentDeclined rejected = assertInstanceOf(PaymentDeclined.class, outcomeOf(outcomes, "hold-0"));
        assertEquals(PaymentDeclined.REJECTED, rejected.code());
        assertTrue(rejected.reason().contains("invalid_payment_method"), rejected.reason());
        assertEquals(4, outcomes.stream().filter(o -> o.event() instanceof PaymentAuthorized).count());
        assertEquals(1, calls("rejected"));
        assertEquals(CircuitBreaker.State.CLOSED, circuit.state());
        assertEquals(5, provider.keys.size(), "the rejected payment was asked once");
    }

    @Test
    void aCallTheProviderKeepsFailingWhileItAnswersOthersIsSettledSoItsBatchEnds() {
        provider.failing.add(ChargeCall.idempotencyKey("hold-0"));
        List<ChargeCall> calls = IntStream.range(0, 5).mapToObj(i -> checkout(i, "tok_visa")).toList();

        List<Outcome> outcomes = run(caller(60_000), calls);

        assertEquals(5, outcomes.size());
        PaymentDeclined failed = assertInstanceOf(PaymentDeclined.class, outcomeOf(outcomes, "hold-0"));
        assertEquals(PaymentDeclined.FAILED, failed.code());
        assertEquals(1, provider.lookups, "its charge was looked up by its key before it was given up");
        assertEquals(1, calls("given_up"));
    }

    @Test
    void aCallTheProviderFailsForReasonsOfItsOwnDoesNotKeepTheCircuitOpen() {
        provider.down = true;
        provider.failing.add(ChargeCall.idempotencyKey("hold-0")); // the oldest call, the first probe
        List<ChargeCall> calls = IntStream.range(0, 5).mapToObj(i -> checkout(i, "tok_visa")).toList();
        Thread recovery = new Thread(() -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                return;
            }
            provider.down = false;
        });
        recovery.start();

        List<Outcome> outcomes = run(caller(60_000), calls);

        assertEquals(4, outcomes.stream().filter(o -> o.event() instanceof PaymentAuthorized).count());
        assertEquals("closed", told.get(told.size() - 1));
        assertEquals(PaymentDeclined.FAILED, ((PaymentDeclined) outcomeOf(outcomes, "hold-0")).code());
    }

    @Test
    void aKeyStillInFlightAtTheProviderIsAskedAgainUntilItIsDecided() {
        provider.inFlight.put(ChargeCall.idempotencyKey("hold-1"), 2);

        List<Outcome> outcomes = run(caller(60_000), List.of(checkout(1, "tok_visa")));

        assertInstanceOf(PaymentAuthorized.class, outcomes.get(0).event());
        assertEquals(3, provider.keys.size());
        assertEquals(2, calls("in_flight"));
        assertEquals(List.of(), told.stream().filter("opened"::equals).toList(), "the provider answered: not an outage");
    }

    @Test
    void aKeyUsedWithOtherParametersIsLookedUpAndItsFirstChargeIsTheOutcome() {
        List<Outcome> first = run(caller(60_000), List.of(checkout(1, "tok_visa")));
        String charged = ((PaymentAuthorized) first.get(0).event()).chargeId();

        List<Outcome> again = run(caller(60_000), List.of(checkout(1, "tok_other")));

        PaymentAuthorized found = assertInstanceOf(PaymentAuthorized.class, again.get(0).event());
        assertEquals(charged, found.chargeId());
        assertEquals(1, provider.lookups);
        assertEquals(1, provider.charges.size());
    }
}
