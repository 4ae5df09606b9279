package io.floodgate.payment.pacing;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.sale.SaleCreated;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sales' own payment rates, learnt from {@code SaleCreated}, each with its pacer. A sale without
 * one is paced by the provider's rate alone. Pacers are taken by one thread (the checkouts loop).
 */
public final class SaleRates {
    private final Clock clock;
    private final double margin;
    /** A sale's first SaleCreated, with or without a rate, decides: a later duplicate create lost. */
    private final Map<String, Optional<Integer>> rates = new ConcurrentHashMap<>();
    private final Map<String, Pacer> pacers = new ConcurrentHashMap<>();
    private volatile double share = 1;

    public SaleRates(Clock clock, double margin) {
        this.clock = clock;
        this.margin = margin;
    }

    public void apply(Event event) {
        if (event instanceof SaleCreated created) {
            rates.putIfAbsent(created.meta().saleId(), Optional.ofNullable(created.config().paymentRatePerMinute()));
        }
    }

    /** This instance's share of the partitions, applied to every sale's rate as to the provider's. */
    public void share(double fraction) {
        share = fraction;
        pacers.values().forEach(p -> p.share(fraction));
    }

    public Optional<Pacer> pacer(String saleId) {
        return rates.getOrDefault(saleId, Optional.empty()).map(rate -> pacers.computeIfAbsent(saleId, id -> {
            Pacer pacer = new Pacer(clock, rate, margin);
            pacer.share(share);
            return pacer;
        }));
    }
}
