package io.floodgate.audit;

import io.floodgate.audit.fairness.DrawVerdict;
import io.floodgate.audit.fairness.FairnessAudit;
import io.floodgate.audit.fairness.FairnessReport;
import io.floodgate.audit.fairness.FairnessText;
import io.floodgate.audit.log.LoggedEvent;
import io.floodgate.audit.log.SaleLog;
import io.floodgate.audit.reconcile.LoggedCharges;
import io.floodgate.audit.reconcile.SaleReconciler;
import io.floodgate.audit.reconcile.SaleReconciliation;
import io.floodgate.audit.reconcile.SaleReconciliationText;
import io.floodgate.audit.replay.BuyerOutcome;
import io.floodgate.audit.replay.BuyerRecord;
import io.floodgate.audit.replay.SaleReplay;
import io.floodgate.audit.sample.SyntheticSale;
import io.floodgate.audit.timeline.Timeline;
import io.floodgate.audit.timeline.TimelineText;
import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.arrival.BuyerArrived;
import io.floodgate.contracts.hold.HoldReleased;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.contracts.payment.PaymentAuthorized;
import io.floodgate.contracts.queue.AdmissionLapsed;
import io.floodgate.contracts.queue.BuyerAdmitted;
import io.floodgate.contracts.queue.BuyerPreQueued;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.contracts.queue.DrawCommitment;
import io.floodgate.contracts.queue.DrawCommitted;
import io.floodgate.contracts.queue.BuyerTurnedAway;
import io.floodgate.contracts.queue.TurnedAwayReason;
import io.floodgate.contracts.queue.LineOpened;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.payment.reconcile.Difference;
import io.floodgate.payment.reconcile.LedgerOrder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replays a generated sale of a few thousand buyers, then the same sale tampered with in the ways an audit must catch. */
class SaleAuditTest {
    private static final List<LoggedEvent> SALE = SyntheticSale.generate("night", 3_000, 11);

    private static SaleReplay replay(List<LoggedEvent> log) throws Exception {
        return SaleReplay.of(SaleLog.of("night", SyntheticSale.TOPIC_PARTITIONS, log));
    }

    private static SaleReconciliation reconcile(SaleReplay replay) {
        List<LedgerOrder> ledger = replay.sold().stream().map(LedgerOrder::of).toList();
        return SaleReconciler.of(replay, ledger, LoggedCharges.of(replay.authorized(), replay.refunded()), "the event log");
    }

    @Test
    void anHonestSaleIsFairReconciledAndConsistent() throws Exception {
        SaleReplay replay = replay(SALE);
        FairnessReport fairness = FairnessAudit.of(replay);
        assertTrue(fairness.fair(), fairness.findings().toString());
        assertEquals(300, fairness.line().preQueued());
        assertEquals(300, fairness.preQueue().admittedChecked());
        assertEquals(0, fairness.preQueue().placesNotFromSeed());
        assertEquals(DrawVerdict.VERIFIED, fairness.draw().verdict(), "the revealed draw is what was committed to");
        assertEquals(0, fairness.draw().arrivedBeforeCommitment());
        double shuffled = (double) fairness.preQueue().arrivalInversions() / fairness.preQueue().pairs();
        assertTrue(shuffled > 0.4 && shuffled < 0.6, "the pre-queue is drawn, not kept in arrival order: " + shuffled);
        assertEquals(0, fairness.order().admissionsAgainstArrival());
        assertEquals(2_700, fairness.order().admittedAfterOpening());
        assertTrue(fairness.waits().p99Ms() >= fairness.waits().p50Ms() && fairness.waits().p50Ms() > 0);
        assertEquals(3_000, fairness.buyersByFinalState().values().stream().mapToLong(Long::longValue).sum());
        assertTrue(fairness.buyersByFinalState().get(BuyerOutcome.PURCHASED) > 0);

        Timeline timeline = Timeline.of(replay);
        assertEquals(List.of(), timeline.inconsistencies());
        assertEquals(0, timeline.totals().oversold());
        assertEquals(SALE.size(), timeline.records());
        assertTrue(timeline.totals().seatsSold() > 0 && timeline.totals().seatsSold() <= timeline.totals().capacity());

        SaleReconciliation reconciliation = reconcile(replay);
        assertTrue(reconciliation.clean(), reconciliation.reconciliation().differences().toString());
        assertEquals(timeline.totals().seatsSold(), reconciliation.seatsSold());
        assertEquals(timeline.totals().revenueCents(),
                reconciliation.sections().stream().mapToLong(s -> s.revenueCents()).sum());
    }

    @Test
    void theSameLogGivesTheSameReportsByteForByte() throws Exception {
        String first = everything(replay(SALE));
        String again = everything(replay(SyntheticSale.generate("night", 3_000, 11)));
        assertEquals(first, again);
        assertFalse(first.equals(everything(replay(SyntheticSale.generate("night", 3_000, 12)))),
                "another log gives another report");
    }

    @Test
    void buyersAnInviteOnlySaleTurnedAwayAreNotTakenForBuyersLeftWithoutAPlace() throws Exception {
        // One more buyer arrives beside the buyer at place 1500, and is turned away (their access code was used).
        String beside = SALE.stream().map(LoggedEvent::event).filter(e -> e instanceof BuyerQueued q
                && q.sequence() == 1500).map(e -> ((BuyerQueued) e).buyerId()).findFirst().orElseThrow();
        AtomicBoolean arrivedOnce = new AtomicBoolean();
        List<LoggedEvent> log = Logs.rewrite(SALE, e -> {
            if (e instanceof BuyerArrived a && a.buyerId().equals(beside) && !arrivedOnce.getAndSet(true)) {
                return List.of(a, new BuyerArrived(EventMeta.of("night", "corr-uninvited", "join", a.meta().occurredAt()),
                        "uninvited"));
            }
            if (e instanceof BuyerQueued q && !q.repeated() && q.sequence() == 1500) {
                return List.of(q, new BuyerTurnedAway(EventMeta.of("night", "corr-uninvited", "arrival",
                        q.meta().occurredAt()), "uninvited", TurnedAwayReason.ACCESS_CODE_USED));
            }
            return null;
        });

        FairnessReport report = FairnessAudit.of(replay(log));

        assertTrue(report.fair(), report.findings().toString());
        assertEquals(0, report.line().withoutPlace());
    }

    @Test
    void aBuyerWhoMistypedTheirCodeIsRankedByTheArrivalThatTookTheirPlace() throws Exception {
        // The buyer at place 1500 first joins with a mistyped code (turned away) before the buyer at
        // place 1499 joins, then joins again with the right one and takes the next place.
        String late = buyerAt(1500);
        String before = buyerAt(1499);
        AtomicBoolean mistyped = new AtomicBoolean();
        List<LoggedEvent> log = Logs.rewrite(SALE, e -> {
            if (e instanceof BuyerArrived a && a.buyerId().equals(before) && !mistyped.getAndSet(true)) {
                BuyerArrived wrong = new BuyerArrived(EventMeta.of("night", "corr-mistyped", "join",
                        a.meta().occurredAt()), late, "hash-of-a-mistyped-code");
                return List.of(wrong, new BuyerTurnedAway(EventMeta.causedBy(wrong.meta(), a.meta().occurredAt()),
                        late, TurnedAwayReason.ACCESS_CODE_UNKNOWN), a);
            }
            return null;
        });

        SaleReplay replay = replay(log);
        FairnessReport report = FairnessAudit.of(replay);

        assertTrue(report.fair(), report.findings().toString());
        Map<String, Long> ranks = replay.buyers().stream().collect(Collectors.toMap(BuyerRecord::buyerId,
                BuyerRecord::arrivalRank));
        assertEquals(ranks.get(before) + 1, ranks.get(late), "ranked by the arrival that was let in");
    }

    private static String buyerAt(long sequence) {
        return SALE.stream().map(LoggedEvent::event).filter(e -> e instanceof BuyerQueued q && !q.repeated()
                && q.sequence() == sequence).map(e -> ((BuyerQueued) e).buyerId()).findFirst().orElseThrow();
    }

    @Test
    void buyersAdmittedOutOfTurnArePlacesAgainstArrivalAndAreCounted() throws Exception {
        // The buyers at places 1001 and 1002 (both after the opening) swap admissions.
        List<LoggedEvent> tampered = Logs.rewrite(SALE, e -> e instanceof BuyerAdmitted a && (a.sequence() == 1001 || a.sequence() == 1002)
                ? List.<Event>of(new BuyerAdmitted(a.meta(), a.buyerId(), 2003 - a.sequence(), a.windowEndsAt(), a.pausedBefore()))
                : null);
        FairnessReport report = FairnessAudit.of(replay(tampered));
        assertFalse(report.fair());
        assertEquals(1, report.order().admissionsAgainstPlace());
        assertTrue(report.findings().get(0).contains("against the order of their places"), report.findings().toString());
    }

    @Test
    void aPreQueueNotDrawnFromTheRecordedSeedIsCaught() throws Exception {
        List<LoggedEvent> tampered = Logs.rewrite(SALE, e -> e instanceof LineOpened o
                ? List.<Event>of(new LineOpened(o.meta(), o.seed() + 1, o.preQueueSize(), o.permutation(), o.nonce())) : null);
        FairnessReport report = FairnessAudit.of(replay(tampered));
        assertFalse(report.fair());
        assertTrue(report.preQueue().placesNotFromSeed() > 250, "nearly every place differs under another seed");
    }

    @Test
    void aRevealedSeedThatDoesNotMatchItsCommitmentIsRefused() throws Exception {
        // Whoever controls the system reveals another seed than the one committed to.
        List<LoggedEvent> reseeded = Logs.rewrite(SALE, e -> e instanceof LineOpened o
                ? List.<Event>of(new LineOpened(o.meta(), o.seed() ^ 1, o.preQueueSize(), o.permutation(), o.nonce()))
                : null);
        FairnessReport report = FairnessAudit.of(replay(reseeded));

        assertFalse(report.fair());
        assertEquals(DrawVerdict.MISMATCH, report.draw().verdict());
        assertTrue(report.findings().stream().anyMatch(f -> f.startsWith("draw refused: SHA-256 of the revealed")),
                report.findings().toString());
        assertTrue(FairnessText.format(report).contains("MISMATCH"));
    }

    @Test
    void aCommitmentThatTheRevealedDrawDoesNotHashToIsRefused() throws Exception {
        List<LoggedEvent> tampered = Logs.rewrite(SALE, e -> e instanceof DrawCommitted d
                ? List.<Event>of(new DrawCommitted(d.meta(), DrawCommitment.of("00", 0), d.scheme())) : null);
        FairnessReport report = FairnessAudit.of(replay(tampered));

        assertFalse(report.fair());
        assertEquals(DrawVerdict.MISMATCH, report.draw().verdict());
        assertEquals(1, report.findings().size(), "only the draw is refused: " + report.findings());
    }

    @Test
    void aCommitmentMadeAfterTheFirstPreQueuedBuyerIsRefused() throws Exception {
        // The commitment recorded only after a hundred buyers were pre-queued: the draw could follow them.
        DrawCommitted[] held = new DrawCommitted[1];
        List<LoggedEvent> late = Logs.rewrite(SALE, e -> {
            if (e instanceof DrawCommitted d) {
                held[0] = d;
                return List.of();
            }
            return e instanceof BuyerPreQueued p && p.preQueueIndex() == 99 ? List.<Event>of(p, held[0]) : null;
        });
        FairnessReport report = FairnessAudit.of(replay(late));

        assertFalse(report.fair());
        assertEquals(DrawVerdict.COMMITTED_LATE, report.draw().verdict());
        assertEquals(100, report.draw().arrivedBeforeCommitment());
        assertTrue(report.findings().get(0).contains("arrival(s) came before the draw was committed to"), report.findings().toString());
    }

    @Test
    void aSaleWithoutACommitmentIsRefusedUnlessUncommittedDrawsAreAllowed() throws Exception {
        List<LoggedEvent> old = Logs.rewrite(SALE, e -> e instanceof DrawCommitted ? List.of()
                : e instanceof LineOpened o ? List.<Event>of(new LineOpened(o.meta(), o.seed(), o.preQueueSize(),
                o.permutation(), null)) : null);

        FairnessReport refused = FairnessAudit.of(replay(old));
        assertFalse(refused.fair());
        assertEquals(DrawVerdict.NOT_COMMITTED, refused.draw().verdict());
        assertTrue(refused.findings().get(0).contains("no commitment"), refused.findings().toString());

        FairnessReport allowed = FairnessAudit.of(replay(old), true); // an export of a sale from before commitments
        assertTrue(allowed.fair(), allowed.findings().toString());
        assertEquals(DrawVerdict.NOT_COMMITTED, allowed.draw().verdict());
        assertTrue(FairnessText.format(allowed).contains("could have been chosen late"));
    }

    @Test
    void anOpeningThatRevealsANonceWithoutACommitmentIsRefusedEvenWhenUncommittedDrawsAreAllowed() throws Exception {
        List<LoggedEvent> nonceOnly = Logs.rewrite(SALE, e -> e instanceof DrawCommitted ? List.of() : null);
        FairnessReport report = FairnessAudit.of(replay(nonceOnly), true);

        assertFalse(report.fair());
        assertEquals(DrawVerdict.MISMATCH, report.draw().verdict());
        assertTrue(report.findings().get(0).contains("no commitment to check it against"), report.findings().toString());
    }

    @Test
    void aSecondCommitmentThatDiffersFromTheFirstIsRefused() throws Exception {
        List<LoggedEvent> twice = Logs.rewrite(SALE, e -> e instanceof DrawCommitted d ? List.<Event>of(d,
                new DrawCommitted(d.meta(), DrawCommitment.of("0".repeat(32), 7), d.scheme())) : null);
        FairnessReport report = FairnessAudit.of(replay(twice));

        assertFalse(report.fair());
        assertEquals(DrawVerdict.MISMATCH, report.draw().verdict());
        assertTrue(report.findings().stream().anyMatch(f -> f.contains("more than once")), report.findings().toString());

        List<LoggedEvent> repeated = Logs.rewrite(SALE, e -> e instanceof DrawCommitted d ? List.<Event>of(d, d) : null);
        assertTrue(FairnessAudit.of(replay(repeated)).fair(), "the same commitment twice (a retry) is no finding");
    }

    @Test
    void aCommitmentAfterTheFirstArrivalIsRefusedAsCommittedLate() throws Exception {
        DrawCommitted[] held = new DrawCommitted[1];
        boolean[] moved = new boolean[1];
        List<LoggedEvent> late = Logs.rewrite(SALE, e -> {
            if (e instanceof DrawCommitted d) {
                held[0] = d;
                return List.of();
            }
            if (e instanceof BuyerArrived a && !moved[0]) {
                moved[0] = true;
                return List.<Event>of(a, held[0]);
            }
            return null;
        });
        FairnessReport report = FairnessAudit.of(replay(late));

        assertFalse(report.fair());
        assertEquals(DrawVerdict.COMMITTED_LATE, report.draw().verdict());
        assertEquals(1, report.draw().arrivedBeforeCommitment());
    }

    @Test
    void aRevealedNonceThatIsNotThirtyTwoLowercaseHexDigitsIsRefused() throws Exception {
        List<LoggedEvent> tampered = Logs.rewrite(SALE, e -> e instanceof LineOpened o
                ? List.<Event>of(new LineOpened(o.meta(), o.seed(), o.preQueueSize(), o.permutation(),
                o.nonce().toUpperCase())) : null);
        FairnessReport report = FairnessAudit.of(replay(tampered));

        assertEquals(DrawVerdict.MISMATCH, report.draw().verdict());
        assertTrue(report.findings().get(0).contains("not 32 lowercase hex digits"), report.findings().toString());
    }

    @Test
    void admissionsFasterThanTheConfiguredRateAreCaught() throws Exception {
        List<LoggedEvent> tampered = Logs.rewrite(SALE, e -> e instanceof SaleCreated c ? List.<Event>of(new SaleCreated(c.meta(),
                c.operator(), withRate(c.config(), 20))) : null);
        FairnessReport report = FairnessAudit.of(replay(tampered));
        assertTrue(report.pace().minutesOverRate() > 0, report.admissionsPerMinute().toString());
        assertFalse(report.fair());
    }

    @Test
    void aSeatSoldTwiceAndASaleWithoutPaymentAreCaught() throws Exception {
        AtomicBoolean once = new AtomicBoolean();
        List<LoggedEvent> tampered = Logs.rewrite(SALE, e -> {
            if (e instanceof HoldSold s && once.compareAndSet(false, true)) {
                // The same seats sold again in a second order, whose payment never happened.
                return List.of(s, new HoldSold(s.meta(), "forged-hold", "mallory", s.sectionId(), s.seats(), s.amountCents(),
                        s.currency(), "ch_forged"));
            }
            return null;
        });
        SaleReplay replay = replay(tampered);
        assertTrue(replay.oversold() > 0);
        Timeline timeline = Timeline.of(replay);
        assertTrue(timeline.inconsistencies().stream().anyMatch(i -> i.contains("a second time")), timeline.inconsistencies().toString());
        SaleReconciliation r = reconcile(replay);
        assertFalse(r.clean());
        List<Difference.Kind> kinds = r.reconciliation().differences().stream().map(Difference::kind).toList();
        assertTrue(kinds.contains(Difference.Kind.SEAT_SOLD_TWICE), kinds.toString());
        assertTrue(kinds.contains(Difference.Kind.SOLD_WITHOUT_PAYMENT), kinds.toString());
        assertTrue(SaleReconciliationText.format(r).contains("NOT RECONCILED"));
    }

    @Test
    void aChargeKeptWithoutAnOrderIsCaught() throws Exception {
        AtomicBoolean once = new AtomicBoolean();
        List<LoggedEvent> tampered = Logs.rewrite(SALE, e -> {
            if (e instanceof HoldSold s && once.compareAndSet(false, true)) {
                return List.of(); // authorized, never sold, never refunded
            }
            return null;
        });
        SaleReconciliation r = reconcile(replay(tampered));
        assertEquals(List.of(Difference.Kind.CHARGE_WITHOUT_ORDER), r.reconciliation().differences().stream()
                .map(Difference::kind).toList());
        PaymentAuthorized paid = (PaymentAuthorized) SALE.stream().map(LoggedEvent::event)
                .filter(PaymentAuthorized.class::isInstance).findFirst().orElseThrow();
        assertEquals(paid.chargeId(), r.reconciliation().differences().get(0).chargeId());
    }

    @Test
    void buyersEndInTheStateTheApiWouldShowThem() throws Exception {
        // Cut before the first admission: the pre-queue's buyers are waiting in an open line.
        int firstAdmission = 0;
        while (!(SALE.get(firstAdmission).event() instanceof BuyerAdmitted)) {
            firstAdmission++;
        }
        SaleReplay early = replay(SALE.subList(0, firstAdmission));
        assertTrue(early.buyerCount() > 300, "the pre-queue and the first to come after the opening");
        assertEquals(Map.of(BuyerOutcome.WAITING, early.buyerCount()), early.outcomes());

        // A window that lapses after a declined payment still ends in PAYMENT_DECLINED, as the API says.
        Map<BuyerOutcome, Long> honest = replay(SALE).outcomes();
        List<LoggedEvent> lapsing = Logs.rewrite(SALE, e -> e instanceof HoldReleased r ? List.<Event>of(r,
                new AdmissionLapsed(EventMeta.of("night", r.buyerId(), "window-end", r.meta().occurredAt().plusMillis(1)),
                        r.buyerId(), 1)) : null);
        Map<BuyerOutcome, Long> lapsed = replay(lapsing).outcomes();
        assertTrue(honest.get(BuyerOutcome.PAYMENT_DECLINED) > 0);
        assertEquals(honest.get(BuyerOutcome.PAYMENT_DECLINED), lapsed.get(BuyerOutcome.PAYMENT_DECLINED));
        assertEquals(honest.get(BuyerOutcome.ADMISSION_EXPIRED), lapsed.get(BuyerOutcome.ADMISSION_EXPIRED));

        // Clocks disagree: a buyer's BuyerQueued replayed before their BuyerArrived changes nothing.
        List<LoggedEvent> skewed = new ArrayList<>(SALE);
        for (int i = 0; i + 1 < skewed.size(); i++) {
            if (skewed.get(i).event() instanceof BuyerArrived a && skewed.get(i + 1).event() instanceof BuyerQueued q
                    && q.buyerId().equals(a.buyerId())) {
                skewed.add(i, skewed.remove(i + 1));
                break;
            }
        }
        assertFalse(skewed.equals(SALE), "the test found a pair to swap");
        assertEquals(honest, replay(skewed).outcomes());
        assertEquals(Timeline.of(replay(SALE)).totals(), Timeline.of(replay(skewed)).totals());
    }

    private static SaleConfig withRate(SaleConfig c, int rate) {
        return new SaleConfig(c.name(), c.opensAt(), c.currency(), rate, c.maxActiveShoppers(), c.admissionWindow(),
                c.holdDuration(), c.perBuyerLimit(), c.sections(), c.paymentRatePerMinute());
    }

    private static String everything(SaleReplay replay) {
        return TimelineText.format(Timeline.of(replay)) + FairnessText.format(FairnessAudit.of(replay))
                + SaleReconciliationText.format(reconcile(replay));
    }
}
