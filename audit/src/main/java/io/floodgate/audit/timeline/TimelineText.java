package io.floodgate.audit.timeline;

import io.floodgate.audit.Text;
import io.floodgate.audit.replay.Tally;

import java.util.Locale;

/** A timeline as a person reads it. */
public final class TimelineText {
    private TimelineText() {
    }

    public static String format(Timeline t) {
        StringBuilder out = new StringBuilder();
        out.append("Sale ").append(t.saleId()).append(t.name() == null ? " (no SaleCreated in the log)" : " \"" + t.name() + "\"")
                .append(Text.format(", replayed from %,d records", t.records()));
        if (t.newerTypesSkipped() > 0) {
            out.append(Text.format(" (%,d of types newer than this tool, skipped)", t.newerTypesSkipped()));
        }
        out.append('\n').append("created ").append(Text.instant(t.createdAt())).append(", last event ")
                .append(Text.instant(t.lastEvent())).append("\n\nTimeline\n");
        for (Timeline.Entry e : t.moments()) {
            out.append("  ").append(Text.offset(e.offsetMs())).append("  ").append(Text.instant(e.at())).append("  ")
                    .append(e.what()).append('\n');
        }
        out.append("\nMinute by minute, since the sale was created\n  minute");
        for (Tally tally : Tally.values()) {
            out.append(Text.format(" %10s", header(tally)));
        }
        out.append('\n');
        for (Timeline.Minute m : t.minutes()) {
            out.append(Text.format("  %6d", m.minute()));
            for (Tally tally : Tally.values()) {
                out.append(Text.format(" %,10d", m.counts().get(tally)));
            }
            out.append('\n');
        }
        Timeline.Totals s = t.totals();
        out.append("\nTotals\n")
                .append(Text.format("  buyers %,d (arrivals %,d), admitted %,d%n", s.buyers(), s.arrivals(), s.admitted()))
                .append(Text.format("  holds requested %,d: placed %,d, rejected %,d, expired %,d, released after a declined payment %,d%n",
                        s.holdsRequested(), s.holdsPlaced(), s.holdsRejected(), s.holdsExpired(), s.holdsReleased()))
                .append(Text.format("  seats sold %,d of %,d, oversold %,d; orders %,d, revenue %s%n", s.seatsSold(),
                        s.capacity(), s.oversold(), s.orders(), Text.money(s.revenueCents(), t.currency())))
                .append(Text.format("  payments after the hold ended %,d: refunded %,d, refund refused %,d%n",
                        s.latePayments(), s.refunds(), s.refundsRefused()))
                .append("\nBuyers by final state\n");
        s.buyersByFinalState().forEach((state, n) -> out.append(Text.format("  %-26s %,10d%n", state, n)));
        if (t.inconsistencies().isEmpty()) {
            out.append("\nInconsistencies: none (no seat held or sold twice, every hold ended once)\n");
        } else {
            out.append(Text.format("%n%,d inconsistenc(ies):%n", t.inconsistencies().size()));
            t.inconsistencies().forEach(i -> out.append("  ").append(i).append('\n'));
        }
        return out.toString();
    }

    private static String header(Tally tally) {
        String name = tally.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return name.length() > 10 ? name.substring(0, 10) : name;
    }
}
