package io.floodgate.audit.timeline;

import io.floodgate.audit.replay.BuyerOutcome;
import io.floodgate.audit.replay.Moment;
import io.floodgate.audit.replay.SaleReplay;
import io.floodgate.audit.replay.Tally;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.contracts.sale.SectionConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A replayed sale's story: the moments that mattered, the sale minute by minute, and its totals.
 *
 * @param records          records replayed (a newer reader's types included)
 * @param newerTypesSkipped records whose type this reader does not know; they are kept in exports
 * @param inconsistencies  where the log breaks a promise of the services (a seat held twice, a hold
 *                         ended twice); empty for a sound log
 */
public record Timeline(String saleId, String name, String currency, Instant createdAt, Instant lastEvent,
                       long records, long newerTypesSkipped, List<Entry> moments, List<Minute> minutes,
                       Totals totals, List<String> inconsistencies) {

    /** A moment, {@code offsetMs} after the sale was created. */
    public record Entry(long offsetMs, Instant at, String what) {
    }

    /** What happened in one minute since the sale was created. */
    public record Minute(long minute, Map<Tally, Long> counts) {
    }

    /**
     * @param holdsReleased  holds released after a declined payment
     * @param latePayments   holds paid for after they had ended (each to be refunded)
     * @param oversold       seats sold twice or beyond a section's capacity: 0 in every sound sale
     */
    public record Totals(long buyers, long arrivals, long admitted, long holdsRequested, long holdsPlaced,
                         long holdsRejected, long holdsExpired, long holdsReleased, long capacity, long seatsSold,
                         long oversold, long orders, long revenueCents, long latePayments, long refunds,
                         long refundsRefused, Map<BuyerOutcome, Long> buyersByFinalState) {
    }

    public static Timeline of(SaleReplay replay) {
        Instant origin = replay.created() != null ? replay.created().meta().occurredAt() : replay.first();
        List<Entry> moments = replay.moments().stream().map((Moment m) -> new Entry(
                origin == null ? 0 : Duration.between(origin, m.at()).toMillis(), m.at(), m.what())).toList();
        List<Minute> minutes = replay.perMinute().entrySet().stream()
                .map(e -> new Minute(e.getKey(), e.getValue())).toList();
        Map<Tally, Long> sums = new EnumMap<>(Tally.class);
        for (Minute m : minutes) {
            m.counts().forEach((t, n) -> sums.merge(t, n, Long::sum));
        }
        long capacity = replay.sections().stream().mapToLong(SectionConfig::capacity).sum();
        Totals totals = new Totals(replay.buyerCount(), replay.arrivals(), sum(sums, Tally.ADMITTED), replay.holds(),
                sum(sums, Tally.HOLDS_PLACED), sum(sums, Tally.HOLDS_REJECTED), sum(sums, Tally.HOLDS_EXPIRED),
                sum(sums, Tally.HOLDS_RELEASED), capacity,
                replay.sections().stream().mapToLong(s -> replay.seatsSold(s.id())).sum(), replay.oversold(),
                replay.sold().size(), replay.sold().stream().mapToLong(HoldSold::amountCents).sum(),
                sum(sums, Tally.LATE_PAYMENTS), replay.refunded().stream().map(r -> r.chargeId()).distinct().count(),
                replay.refundsRefused().size(), replay.outcomes());
        return new Timeline(replay.saleId(), replay.created() == null ? null : replay.created().config().name(),
                replay.created() == null ? null : replay.created().config().currency(), origin, replay.last(),
                replay.events(), replay.skipped(), moments, minutes, totals, replay.inconsistencies());
    }

    private static long sum(Map<Tally, Long> sums, Tally t) {
        return sums.getOrDefault(t, 0L);
    }
}
