package io.floodgate.audit.fairness;

import io.floodgate.audit.replay.BuyerOutcome;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Whether a sale's line was fair, from its events alone: every buyer in arrival order (after the
 * opening), the pre-queue in the order its recorded seed draws, admissions at the configured rate.
 *
 * @param fair     no finding
 * @param findings every way the line broke a promise, as sentences; empty for a fair sale
 */
public record FairnessReport(String saleId, boolean fair, List<String> findings, Line line, PreQueue preQueue,
                             Draw draw, Order order, Waits waits, Pace pace, List<AdmissionMinute> admissionsPerMinute,
                             Map<BuyerOutcome, Long> buyersByFinalState) {
    public FairnessReport {
        findings = List.copyOf(findings);
        admissionsPerMinute = List.copyOf(admissionsPerMinute);
    }

    /**
     * Who came and what the line did with them.
     *
     * @param arrivals     join requests, repeats included
     * @param buyers       distinct buyers who arrived
     * @param withoutPlace buyers who arrived after the opening and were never given a place
     */
    public record Line(long arrivals, long buyers, long preQueued, long queuedAfterOpening, long withoutPlace,
                       long admitted, long notAdmitted) {
    }

    /**
     * The pre-queue's draw, re-derived from {@code LineOpened}'s seed.
     *
     * @param recordedSize         the size {@code LineOpened} states
     * @param indexesOutOfArrival  pre-queue indexes that do not follow the buyers' arrival order
     * @param admittedChecked      pre-queued buyers admitted, whose place was compared with the draw
     * @param placesNotFromSeed    of those, admitted at another place than the seed gives
     * @param arrivalInversions    pairs of admitted pre-queued buyers admitted against their arrival
     *                             order: the shuffle at work (a random order inverts about half of
     *                             {@code pairs})
     */
    public record PreQueue(boolean opened, Instant openedAt, Long seed, String permutation, long recordedSize,
                           long indexesOutOfArrival, long admittedChecked, long placesNotFromSeed,
                           long arrivalInversions, long pairs) {
    }

    /**
     * The draw's commitment ({@code DrawCommitted}) against what {@code LineOpened} revealed.
     *
     * @param commitment                null when the log has none
     * @param nonce                     revealed at opening, null before (or for a sale from before commitments)
     * @param arrivedBeforeCommitment arrivals before the commitment in the log: 0 for a draw committed in time
     */
    public record Draw(DrawVerdict verdict, String scheme, String commitment, Instant committedAt, String nonce,
                       long arrivedBeforeCommitment) {
    }

    /**
     * First come, first served after the opening; places admitted in order. Every count should be 0.
     *
     * @param placesAgainstArrival      pairs of buyers (after the opening) whose places invert their arrival order
     * @param admissionsAgainstPlace    pairs of admitted buyers admitted against their places' order
     * @param admissionsAgainstArrival  pairs of buyers (after the opening) admitted against their arrival order
     * @param placesPassedOver          places below the highest admitted that were never admitted
     * @param admittedTwice             buyers admitted more than once
     */
    public record Order(long admittedAfterOpening, long placesAgainstArrival, long admissionsAgainstPlace,
                        long admissionsAgainstArrival, long placesPassedOver, long admittedTwice) {
    }

    /**
     * Admissions against the configured rate, over the whole sale.
     *
     * @param minutesOverRate minutes that admitted more than the rate (plus the meter's one-second carry) allowed
     */
    public record Pace(long admitted, double allowed, long busiestMinute, long minutesOverRate) {
    }
}
