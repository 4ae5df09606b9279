package io.floodgate.audit.fairness;

import io.floodgate.audit.Text;

/** A fairness report as a person reads it. */
public final class FairnessText {
    private FairnessText() {
    }

    public static String format(FairnessReport r) {
        StringBuilder out = new StringBuilder();
        out.append("Fairness of sale ").append(r.saleId()).append(": ")
                .append(r.fair() ? "FAIR, no finding" : "NOT FAIR, " + r.findings().size() + " finding(s)").append('\n');
        r.findings().forEach(f -> out.append("  ! ").append(f).append('\n'));

        FairnessReport.Line l = r.line();
        out.append("\nLine\n")
                .append(Text.format("  arrivals %,d from %,d buyers: %,d before the opening, %,d after (%,d never placed)%n",
                        l.arrivals(), l.buyers(), l.preQueued(), l.queuedAfterOpening(), l.withoutPlace()))
                .append(Text.format("  admitted %,d, not admitted %,d%n", l.admitted(), l.notAdmitted()));

        FairnessReport.PreQueue p = r.preQueue();
        out.append("\nPre-queue\n");
        if (!p.opened()) {
            out.append("  the line never opened: no draw to check\n");
        } else {
            out.append(Text.format("  opened %s with %,d buyer(s), seed %d, %s%n", Text.instant(p.openedAt()),
                            p.recordedSize(), p.seed(), p.permutation()))
                    .append(Text.format("  indexes out of arrival order %,d; admitted places re-derived from the seed: "
                            + "%,d checked, %,d differ%n", p.indexesOutOfArrival(), p.admittedChecked(), p.placesNotFromSeed()))
                    .append(Text.format("  admitted against arrival order: %,d of %,d pairs (%s; a random order inverts about half)%n",
                            p.arrivalInversions(), p.pairs(), p.pairs() == 0 ? "-"
                                    : Text.format("%.1f%%", 100.0 * p.arrivalInversions() / p.pairs())));
        }

        FairnessReport.Draw d = r.draw();
        out.append("\nThe draw's commitment: ").append(d.verdict()).append('\n');
        if (d.commitment() == null) {
            out.append("  no commitment in the log: the seed could have been chosen late\n");
        } else {
            out.append(Text.format("  committed %s: %s (%s)%n", Text.instant(d.committedAt()), d.commitment(), d.scheme()))
                    .append(Text.format("  revealed nonce %s; arrivals before the commitment %,d%n",
                            d.nonce() == null ? "-" : d.nonce(), d.arrivedBeforeCommitment()));
        }

        FairnessReport.Order o = r.order();
        out.append("\nFirst come, first served after the opening (every count should be 0)\n")
                .append(Text.format("  buyers admitted after arriving after the opening %,d%n", o.admittedAfterOpening()))
                .append(Text.format("  pairs placed against arrival order        %,12d%n", o.placesAgainstArrival()))
                .append(Text.format("  pairs admitted against arrival order      %,12d%n", o.admissionsAgainstArrival()))
                .append(Text.format("  pairs admitted against place order        %,12d%n", o.admissionsAgainstPlace()))
                .append(Text.format("  places passed over                        %,12d%n", o.placesPassedOver()))
                .append(Text.format("  buyers admitted more than once            %,12d%n", o.admittedTwice()));

        Waits w = r.waits();
        out.append("\nWait in line, arrival (or opening) to admission, ").append(Text.format("%,d buyers%n", w.admitted()))
                .append(Text.format("  p50 %s   p90 %s   p99 %s   max %s%n", Text.seconds(w.p50Ms()), Text.seconds(w.p90Ms()),
                        Text.seconds(w.p99Ms()), Text.seconds(w.maxMs())));

        FairnessReport.Pace pace = r.pace();
        out.append(Text.format("%nAdmissions per minute against the configured rate (%,d admitted, %,.1f allowed, "
                        + "busiest minute %,d, %d minute(s) over)%n", pace.admitted(), pace.allowed(), pace.busiestMinute(),
                pace.minutesOverRate()))
                .append("  minute  from                        admitted    allowed  carry  within\n");
        for (AdmissionMinute m : r.admissionsPerMinute()) {
            out.append(Text.format("  %6d  %s  %,8d  %,9.1f  %5d  %s%n", m.minute(), Text.instant(m.from()), m.admitted(),
                    m.allowed(), m.burst(), m.withinRate() ? "yes" : "NO"));
        }

        out.append("\nBuyers by final state\n");
        r.buyersByFinalState().forEach((state, n) -> out.append(Text.format("  %-26s %,10d%n", state, n)));
        return out.toString();
    }
}
