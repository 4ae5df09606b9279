package io.floodgate.audit.fairness;

import io.floodgate.audit.replay.BuyerRecord;
import io.floodgate.audit.replay.SaleReplay;
import io.floodgate.contracts.queue.LineOpened;
import io.floodgate.contracts.sale.SaleCreated;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Judges a replayed sale's line: the fairness report. */
public final class FairnessAudit {
    private FairnessAudit() {
    }

    public static FairnessReport of(SaleReplay replay) {
        return of(replay, false);
    }

    /** {@code allowUncommitted}: a draw with no commitment is reported, not a finding (sales from before commitments). */
    public static FairnessReport of(SaleReplay replay, boolean allowUncommitted) {
        List<String> findings = new ArrayList<>();
        List<BuyerRecord> buyers = replay.buyers();
        // An invite-only sale's buyers turned away and never placed had no claim to a place.
        List<BuyerRecord> arrived = buyers.stream().filter(b -> b.arrivalRank() >= 0)
                .filter(b -> b.place() > 0 || b.preQueued() || !replay.turnedAway(b.buyerId()))
                .sorted(Comparator.comparingLong(BuyerRecord::arrivalRank)).toList();
        List<BuyerRecord> admitted = buyers.stream().filter(BuyerRecord::admitted)
                .sorted(Comparator.comparingLong(BuyerRecord::admissionRank)).toList();
        LineOpened opened = replay.opened();

        List<BuyerRecord> preQueued = arrived.stream().filter(BuyerRecord::preQueued).toList();
        List<BuyerRecord> afterOpening = arrived.stream().filter(b -> !b.preQueued()).toList();
        long withoutPlace = afterOpening.stream().filter(b -> b.place() == 0).count();
        if (withoutPlace > 0) {
            findings.add(withoutPlace + " buyer(s) arrived but were never given a place in line");
        }
        FairnessReport.Line line = new FairnessReport.Line(replay.arrivals(), arrived.size(), preQueued.size(),
                afterOpening.size() - withoutPlace, withoutPlace, admitted.size(), arrived.size() - admitted.size());

        FairnessReport.PreQueue preQueue = preQueue(opened, preQueued, findings);
        FairnessReport.Draw draw = DrawAudit.of(replay, opened, allowUncommitted, findings);
        FairnessReport.Order order = order(afterOpening, admitted, preQueue.recordedSize(), replay, findings);

        long[] waits = admitted.stream().filter(b -> b.arrivedAt() != null).mapToLong(b -> {
            Instant joined = opened != null && b.arrivedAt().isBefore(opened.meta().occurredAt())
                    ? opened.meta().occurredAt() : b.arrivedAt();
            return Math.max(0, Duration.between(joined, b.admittedAt()).toMillis());
        }).toArray();

        List<AdmissionMinute> minutes = List.of();
        SaleCreated created = replay.created();
        if (created != null && !admitted.isEmpty()) {
            Instant start = opened != null ? opened.meta().occurredAt() : admitted.get(0).admittedAt();
            minutes = new AdmissionPace(created.meta().occurredAt(), created.config().admissionRatePerSecond(),
                    replay.operatorActions()).minutes(start, admitted.stream().map(BuyerRecord::admittedAt).toList());
        }
        long over = minutes.stream().filter(m -> !m.withinRate()).count();
        if (over > 0) {
            findings.add("admissions exceeded the configured rate in " + over + " minute(s)");
        }
        FairnessReport.Pace pace = new FairnessReport.Pace(admitted.size(),
                Math.round(minutes.stream().mapToDouble(AdmissionMinute::allowed).sum() * 10) / 10.0,
                minutes.stream().mapToLong(AdmissionMinute::admitted).max().orElse(0), over);

        return new FairnessReport(replay.saleId(), findings.isEmpty(), findings, line, preQueue, draw, order,
                Waits.of(waits), pace, minutes, replay.outcomes());
    }

    private static FairnessReport.PreQueue preQueue(LineOpened opened, List<BuyerRecord> preQueued, List<String> findings) {
        long outOfArrival = 0;
        for (int i = 0; i < preQueued.size(); i++) {
            if (preQueued.get(i).preQueueIndex() != i) {
                outOfArrival++;
            }
        }
        if (outOfArrival > 0) {
            findings.add("pre-queue: " + outOfArrival + " index(es) do not follow the buyers' arrival order");
        }
        if (opened == null) {
            return new FairnessReport.PreQueue(false, null, null, null, 0, outOfArrival, 0, 0, 0, 0);
        }
        if (opened.preQueueSize() != preQueued.size()) {
            findings.add("pre-queue: LineOpened counts " + opened.preQueueSize() + " buyer(s), the log has "
                    + preQueued.size());
        }
        List<BuyerRecord> admitted = preQueued.stream().filter(BuyerRecord::admitted)
                .sorted(Comparator.comparingLong(BuyerRecord::admissionRank)).toList();
        // A pre-queued buyer's place is the seed's draw (BuyerRecord.place), or 0 outside the recorded pre-queue.
        long notFromSeed = admitted.stream().filter(b -> b.place() == 0 || b.admittedSequence() != b.place()).count();
        if (notFromSeed > 0) {
            findings.add("pre-queue: " + notFromSeed + " buyer(s) admitted at another place than the recorded seed draws");
        }
        return new FairnessReport.PreQueue(true, opened.meta().occurredAt(), opened.seed(), opened.permutation(),
                opened.preQueueSize(), outOfArrival, admitted.size(), notFromSeed,
                Inversions.count(admitted.stream().mapToLong(BuyerRecord::arrivalRank).toArray()),
                Inversions.pairs(admitted.size()));
    }

    private static FairnessReport.Order order(List<BuyerRecord> afterOpening, List<BuyerRecord> admitted,
                                              long preQueueSize, SaleReplay replay, List<String> findings) {
        List<BuyerRecord> placed = afterOpening.stream().filter(b -> b.place() > 0).toList();
        long placesAgainstArrival = Inversions.count(placed.stream().mapToLong(BuyerRecord::place).toArray());
        long inPreQueuePlaces = placed.stream().filter(b -> b.place() <= preQueueSize).count();
        long admissionsAgainstPlace = Inversions.count(admitted.stream().mapToLong(BuyerRecord::admittedSequence).toArray());
        long[] admittedArrivals = admitted.stream().filter(b -> !b.preQueued() && b.arrivalRank() >= 0)
                .mapToLong(BuyerRecord::arrivalRank).toArray();
        long admissionsAgainstArrival = Inversions.count(admittedArrivals);
        Set<Long> places = new HashSet<>();
        long highest = 0;
        for (BuyerRecord b : admitted) {
            places.add(b.admittedSequence());
            highest = Math.max(highest, b.admittedSequence());
        }
        long passedOver = highest - places.size();
        long admittedTwice = replay.admittedTwice();
        report(findings, placesAgainstArrival, "pair(s) of buyers after the opening were given places against their arrival order");
        report(findings, inPreQueuePlaces, "buyer(s) who came after the opening were given a place reserved for the pre-queue");
        report(findings, admissionsAgainstPlace, "pair(s) of buyers were admitted against the order of their places");
        report(findings, admissionsAgainstArrival, "pair(s) of buyers after the opening were admitted against their arrival order");
        report(findings, passedOver, "place(s) were passed over: never admitted while later places were");
        report(findings, admittedTwice, "buyer(s) were admitted more than once");
        return new FairnessReport.Order(admittedArrivals.length, placesAgainstArrival, admissionsAgainstPlace,
                admissionsAgainstArrival, passedOver, admittedTwice);
    }

    private static void report(List<String> findings, long count, String what) {
        if (count > 0) {
            findings.add(count + " " + what);
        }
    }
}
