package io.floodgate.gateway.metrics;

import io.floodgate.gateway.view.GatewayView;
import io.floodgate.gateway.view.PaymentLine;
import io.floodgate.gateway.view.SaleView;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Each sale's figures on /prometheus, read from the gateway's view (so every instance reports the
 * same): the line, admissions, shoppers, stock, pauses, and the payment line. docs/configuration.md
 * lists them; deploy/ holds the dashboard and alerts built on them. A sale's meters go when it
 * ends: {@link #FINAL_SCRAPES} after it closed (so scrapers see its final figures), or as soon as
 * the view forgets it; a sale already closed when first seen gets none.
 */
@Singleton
public final class SaleMetrics implements ApplicationEventListener<StartupEvent> {
    private final GatewayView view;
    private final MeterRegistry registry;
    private final Clock clock;
    static final Duration FINAL_SCRAPES = Duration.ofMinutes(1);

    /** Each sale's meters; only the scheduler's thread changes it. */
    private final Map<String, List<Meter>> registered = new ConcurrentHashMap<>();
    private final Map<String, Instant> endedAt = new HashMap<>();

    public SaleMetrics(GatewayView view, MeterRegistry registry, Clock clock) {
        this.view = view;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        PaymentLine payments = view.paymentLine();
        Gauge.builder("floodgate.payments.waiting", payments, PaymentLine::waiting)
                .description("checkouts waiting for the payment provider, all sales").register(registry);
        Gauge.builder("floodgate.payments.delayed", payments, p -> p.delayed() ? 1 : 0)
                .description("1 while the payment provider is reported unavailable").register(registry);
        FunctionCounter.builder("floodgate.payments.finished", payments, PaymentLine::finishedSoFar)
                .description("payments finished (sold, declined or refused), all sales").register(registry);
    }

    /** New sales get their meters within seconds of being read; ended ones lose them. */
    @Scheduled(fixedDelay = "2s")
    void refresh() {
        for (SaleView sale : view.sales()) {
            if (!sale.state().closed() && !registered.containsKey(sale.saleId())) {
                registered.put(sale.saleId(), register(sale.saleId()));
            }
        }
        Instant now = clock.instant();
        for (String saleId : List.copyOf(registered.keySet())) {
            boolean ended = view.sale(saleId).map(s -> s.state().closed()).orElse(true);
            if (ended && !now.isBefore(endedAt.computeIfAbsent(saleId, id -> now).plus(FINAL_SCRAPES))) {
                registered.remove(saleId).forEach(registry::remove);
                endedAt.remove(saleId);
            }
        }
    }

    /** Sales with meters now. */
    Set<String> withMeters() {
        return Set.copyOf(registered.keySet());
    }

    private List<Meter> register(String saleId) {
        List<Meter> meters = new ArrayList<>();
        Tags sale = Tags.of("sale", saleId);
        counter(meters, "floodgate.sale.places", "buyers given a place in line (rate: arrivals per second)", sale,
                saleId, SaleView::lastSequence);
        counter(meters, "floodgate.sale.admitted", "buyers admitted to shop", sale, saleId,
                SaleView::admittedThrough);
        gauge(meters, "floodgate.sale.waiting", "buyers in line, not yet admitted", sale, saleId, SaleView::waiting);
        gauge(meters, "floodgate.sale.admission.rate", "admissions per second over the last 10 s", sale, saleId,
                s -> s.measuredAdmissionRate(clock.instant()));
        gauge(meters, "floodgate.sale.admission.rate.configured", "the admission rate the operator set", sale,
                saleId, s -> s.state().admissionRatePerSecond());
        gauge(meters, "floodgate.sale.shoppers", "admitted buyers whose shopping window is open", sale, saleId,
                s -> s.shoppersWithOpenWindows(clock.instant()));
        gauge(meters, "floodgate.sale.seats.held", "seats held, in payment included", sale, saleId,
                s -> s.stock().held());
        counter(meters, "floodgate.sale.seats.sold", "seats sold", sale, saleId, s -> s.stock().sold());
        gauge(meters, "floodgate.sale.seats.remaining", "seats neither held nor sold", sale, saleId,
                s -> s.stock().free());
        gauge(meters, "floodgate.sale.paused.seconds", "how long the current pause has lasted; 0 when not paused", sale,
                saleId, s -> s.state().paused()
                        ? Duration.between(s.state().pausedSince(), clock.instant()).toSeconds() : 0);
        gauge(meters, "floodgate.sale.closed", "1 once the sale is closed", sale, saleId,
                s -> s.state().closed() ? 1 : 0);
        return List.copyOf(meters);
    }

    private void gauge(List<Meter> meters, String name, String description, Tags tags, String saleId,
                       ToDoubleFunction<SaleView> f) {
        meters.add(Gauge.builder(name, () -> view.sale(saleId).map(f::applyAsDouble).orElse(0.0))
                .description(description).tags(tags).register(registry));
    }

    private void counter(List<Meter> meters, String name, String description, Tags tags, String saleId,
                         ToDoubleFunction<SaleView> f) {
        meters.add(FunctionCounter.builder(name, view, v -> v.sale(saleId).map(f::applyAsDouble).orElse(0.0))
                .description(description).tags(tags).register(registry));
    }
}
