package io.floodgate.payment.metrics;

import io.floodgate.contracts.payment.PaymentAuthorized;
import io.floodgate.contracts.payment.PaymentDeclined;
import io.floodgate.contracts.payment.PaymentEvent;
import io.floodgate.contracts.payment.PaymentRefundRefused;
import io.floodgate.payment.calls.ChargeCall;
import io.floodgate.payment.calls.ProviderCall;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What payment-service reports (see docs/configuration.md for the alert on
 * {@code floodgate_payment_provider_unavailable}).
 */
public final class PaymentMetrics {
    private final MeterRegistry registry;
    private final AtomicInteger waiting = new AtomicInteger();
    /** Every kind/outcome counter, registered once: answers only look them up. */
    private final Map<String, Counter> counters = new HashMap<>();
    private final Timer latency;

    public PaymentMetrics(MeterRegistry registry, String provider, Supplier<Boolean> unavailable) {
        this.registry = registry;
        Gauge.builder("floodgate.payment.provider.unavailable", () -> unavailable.get() ? 1 : 0)
                .description("1 while the provider's circuit is open: payments wait and are retried")
                .tag("provider", provider).register(registry);
        Gauge.builder("floodgate.payment.waiting", waiting, AtomicInteger::get)
                .description("provider calls of the batches under way not yet answered")
                .tag("provider", provider).register(registry);
        // Every kind and outcome from zero: an alert on increase() must see the first one.
        for (String kind : List.of("charge", "refund")) {
            for (String outcome : List.of("authorized", "declined", "rejected", "given_up", "refunded",
                    "refund_refused", "in_flight", "failed")) {
                counters.put(kind + "/" + outcome, counter(kind, outcome));
            }
        }
        this.latency = Timer.builder("floodgate.payment.provider.latency")
                .description("time for the provider to answer one call")
                .tag("provider", provider).publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    /** Calls that joined ({@code change > 0}) or left the batches under way. */
    public void waiting(int change) {
        waiting.addAndGet(change);
    }

    public void answered(ProviderCall call, PaymentEvent outcome, Duration took) {
        latency.record(took);
        count(call, outcome(outcome));
    }

    private static String outcome(PaymentEvent event) {
        if (event instanceof PaymentAuthorized) {
            return "authorized";
        }
        if (event instanceof PaymentDeclined declined) {
            return switch (declined.code()) {
                case PaymentDeclined.REJECTED -> "rejected";
                case PaymentDeclined.FAILED -> "given_up";
                default -> "declined";
            };
        }
        return event instanceof PaymentRefundRefused ? "refund_refused" : "refunded";
    }

    /** The provider answered that the call's key is still being processed: asked again. */
    public void inFlight(ProviderCall call, Duration took) {
        latency.record(took);
        count(call, "in_flight");
    }

    /** A call that kept failing alone, and whose outcome could not be found out either, was given up. */
    public void gaveUp(ProviderCall call) {
        count(call, "given_up");
    }

    public void failed(ProviderCall call, Duration took) {
        latency.record(took);
        count(call, "failed");
    }

    private void count(ProviderCall call, String outcome) {
        counters.get((call instanceof ChargeCall ? "charge" : "refund") + "/" + outcome).increment();
    }

    private Counter counter(String kind, String outcome) {
        return Counter.builder("floodgate.payment.calls")
                .description("provider calls by kind and outcome; failed: no usable answer (retried); in_flight: "
                        + "the key is still being processed (retried); rejected: a 4xx that can never succeed (the "
                        + "buyer may pay another way); given_up: kept failing alone, then settled or given up; "
                        + "refund_refused: a person must act")
                .tag("kind", kind).tag("outcome", outcome).register(registry);
    }
}
