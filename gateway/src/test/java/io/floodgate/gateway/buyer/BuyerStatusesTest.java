package io.floodgate.gateway.buyer;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.availability.SectionAvailability;
import io.floodgate.contracts.checkout.CheckoutRequested;
import io.floodgate.contracts.line.LineSummary;
import io.floodgate.contracts.hold.HoldExpired;
import io.floodgate.contracts.hold.HoldPlaced;
import io.floodgate.contracts.hold.HoldRejected;
import io.floodgate.contracts.hold.HoldRequested;
import io.floodgate.contracts.hold.HoldSaleRefused;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.contracts.hold.RejectionReason;
import io.floodgate.contracts.queue.BuyerAdmitted;
import io.floodgate.contracts.queue.BuyerPreQueued;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.contracts.queue.LineOpened;
import io.floodgate.contracts.queue.SeededPermutation;
import io.floodgate.contracts.sale.QueueMessagePosted;
import io.floodgate.contracts.sale.SaleClosed;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SalePaused;
import io.floodgate.contracts.sale.SectionConfig;
import io.floodgate.gateway.tokens.TokenSettings;
import io.floodgate.gateway.tokens.Tokens;
import io.floodgate.gateway.tokens.VisitorTicket;
import io.floodgate.gateway.view.GatewayView;
import io.floodgate.gateway.view.SaleView;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class BuyerStatusesTest {
    private static final Instant NOW = Instant.parse("2026-11-22T20:00:00Z");
    private static final Instant OPENS = NOW.plusSeconds(120);

    private final GatewayView view = new GatewayView(Clock.fixed(NOW, ZoneOffset.UTC));
    private final BuyerStatuses statuses = new BuyerStatuses(
            new Tokens(new TokenSettings(Optional.of("s"), List.of()), Clock.fixed(NOW, ZoneOffset.UTC)));

    private static EventMeta meta() {
        return EventMeta.of("demo", "c", "x", NOW);
    }

    private SaleView sale() {
        return view.sale("demo").orElseThrow();
    }

    private BuyerStatus status(VisitorTicket ticket) {
        return statuses.of(sale(), ticket, new BuyerHolds(view.holdsOf("demo", ticket.buyerId())));
    }

    private void create(Instant opensAt) {
        view.apply(new SaleCreated(meta(), "ops", config(opensAt, new SectionConfig("f", "F", 1, 10, 100))));
    }

    @Test
    void beforeOpeningAPreQueuedBuyerIsToldWhenItOpens() {
        create(OPENS);
        view.apply(new BuyerPreQueued(meta(), "alice", 0, false));

        BuyerStatus s = status(new VisitorTicket("demo", "alice", 0, 0L, "c"));

        assertEquals(BuyerState.PRE_QUEUE, s.state());
        assertEquals(OPENS, s.opensAt());
        assertNull(s.position());
        assertEquals(10_000L, s.pollAfterMs());
    }

    @Test
    void afterOpeningAPreQueuedBuyerWaitsAtTheirDrawnPlace() {
        create(OPENS);
        for (int i = 0; i < 50; i++) {
            view.apply(new BuyerPreQueued(meta(), "b" + i, i, false));
        }
        view.apply(new LineOpened(meta(), 7, 50, SeededPermutation.ALGORITHM, null));

        BuyerStatus s = status(new VisitorTicket("demo", "b3", 0, 3L, "c"));

        long drawn = new SeededPermutation(7, 50).apply(3) + 1;
        assertEquals(BuyerState.WAITING, s.state());
        assertEquals(drawn, s.sequence());
        assertEquals(drawn, s.position());
    }

    @Test
    void waitingThenAdmittedWithATokenThenExpired() {
        create(NOW.minusSeconds(600));
        view.apply(new BuyerQueued(meta(), "alice", 1, false));
        view.apply(new BuyerQueued(meta(), "bob", 2, false));
        assertEquals(BuyerState.WAITING, status(new VisitorTicket("demo", "bob", 2, null, "c")).state());
        assertEquals(2, status(new VisitorTicket("demo", "bob", 2, null, "c")).position());

        view.apply(new BuyerAdmitted(meta(), "alice", 1, NOW.plusSeconds(300), java.time.Duration.ZERO));
        BuyerStatus admitted = status(new VisitorTicket("demo", "alice", 1, null, "c"));
        assertEquals(BuyerState.ADMITTED, admitted.state());
        assertNotNull(admitted.admissionToken());
        assertEquals(1, status(new VisitorTicket("demo", "bob", 2, null, "c")).position());

        view.apply(new BuyerAdmitted(meta(), "bob", 2, NOW.minusSeconds(1), java.time.Duration.ZERO));
        assertEquals(BuyerState.ADMISSION_EXPIRED, status(new VisitorTicket("demo", "bob", 2, null, "c")).state());
    }

    @Test
    void pausedKeepsThePlaceAndClosedEndsEverything() {
        create(NOW.minusSeconds(600));
        view.apply(new BuyerQueued(meta(), "alice", 3, false));
        view.apply(new QueueMessagePosted(meta(), "ops", "Back in five minutes"));
        view.apply(new SalePaused(meta(), "ops", "provider incident"));

        BuyerStatus paused = status(new VisitorTicket("demo", "alice", 3, null, "c"));
        assertEquals(BuyerState.PAUSED, paused.state());
        assertEquals(3, paused.position());
        assertEquals("Back in five minutes", paused.message());

        view.apply(new SaleClosed(meta(), "ops", "cancelled"));
        assertEquals(BuyerState.CLOSED, status(new VisitorTicket("demo", "alice", 3, null, "c")).state());
    }

    @Test
    void whenEverySeatIsSoldTheWholeLineIsToldAtOnce() {
        create(NOW.minusSeconds(600));
        view.apply(new BuyerQueued(meta(), "alice", 500, false));
        view.apply(new io.floodgate.contracts.hold.HoldPlaced(meta(), "h", "bob", "f",
                java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> "A-" + i).toList(), 1000, "EUR", NOW));
        assertEquals(BuyerState.WAITING, status(new VisitorTicket("demo", "alice", 500, null, "c")).state(),
                "held seats may come back");

        view.apply(new io.floodgate.contracts.hold.HoldSold(meta(), "h", "bob", "f",
                java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> "A-" + i).toList(), 1000, "EUR", "ch"));

        assertEquals(BuyerState.SOLD_OUT, status(new VisitorTicket("demo", "alice", 500, null, "c")).state());
    }

    @Test
    void aLiveHoldIsTheBuyersStatusUntilItEnds() {
        create(NOW.minusSeconds(600));
        view.apply(new BuyerQueued(meta(), "alice", 1, false));
        view.apply(new BuyerAdmitted(meta(), "alice", 1, NOW.plusSeconds(300), java.time.Duration.ZERO));
        VisitorTicket alice = new VisitorTicket("demo", "alice", 1, null, "c");

        view.apply(new io.floodgate.contracts.hold.HoldRequested(meta(), "h1", "alice", "f", 2, java.util.List.of()));
        assertEquals(BuyerState.HOLD_PENDING, status(alice).state());
        view.apply(new io.floodgate.contracts.hold.HoldPlaced(meta(), "h1", "alice", "f", List.of("A-1", "A-2"), 200,
                "EUR", NOW.plusSeconds(600)));
        BuyerStatus holding = status(alice);
        assertEquals(BuyerState.HOLDING, holding.state());
        assertEquals("h1", holding.holdId());
        assertEquals(NOW.plusSeconds(600), holding.windowEndsAt(), "the token lasts as long as the hold");

        view.apply(new io.floodgate.contracts.hold.HoldExpired(meta(), "h1", "alice", "f", List.of("A-1", "A-2")));
        assertEquals(BuyerState.ADMITTED, status(alice).state(), "within the window the buyer may hold again");
    }

    @Test
    void theWaitEstimateUsesTheRateAdmissionsActuallyAchieve() {
        create(NOW.minusSeconds(600));
        view.apply(new BuyerQueued(meta(), "far", 101, false));
        assertEquals(11, status(new VisitorTicket("demo", "far", 101, null, "c")).waitEstimateSeconds(),
                "no admissions yet: position 101 at the configured 10 per second");

        for (int second = 10; second >= 1; second--) {
            view.apply(new BuyerAdmitted(EventMeta.of("demo", "c", "x", NOW.minusSeconds(second)), "b", 11 - second,
                    NOW.plusSeconds(300), java.time.Duration.ZERO));
        }

        assertEquals(91, status(new VisitorTicket("demo", "far", 101, null, "c")).waitEstimateSeconds(),
                "one admission a second achieved: 91 ahead-and-me take 91 s");
    }

    private void admitted(String buyer, long sequence, Instant windowEndsAt) {
        view.apply(new BuyerQueued(meta(), buyer, sequence, false));
        view.apply(new BuyerAdmitted(meta(), buyer, sequence, windowEndsAt, Duration.ZERO));
    }

    private static HoldPlaced placed(String holdId, String buyer, String section, String... seats) {
        return new HoldPlaced(meta(), holdId, buyer, section, List.of(seats), 100L * seats.length, "EUR",
                NOW.plusSeconds(600));
    }

    private static HoldSold sold(String holdId, String buyer, String section, String... seats) {
        return new HoldSold(meta(), holdId, buyer, section, List.of(seats), 100L * seats.length, "EUR", "ch_" + holdId);
    }

    private static HoldRejected rejected(String holdId, String buyer, String section, int quantity) {
        return new HoldRejected(meta(), holdId, buyer, section, quantity, RejectionReason.BUYER_LIMIT_REACHED, 0, null);
    }

    @Test
    void aBuyerWhoBoughtAndWasRefusedMoreIsToldTheyBoughtWhenTheirWindowEnds() {
        create(NOW.minusSeconds(600));
        admitted("alice", 1, NOW.minusSeconds(1));
        view.apply(new HoldRequested(meta(), "h1", "alice", "f", 2, List.of()));
        view.apply(placed("h1", "alice", "f", "A-1", "A-2"));
        view.apply(sold("h1", "alice", "f", "A-1", "A-2"));
        view.apply(new HoldRequested(meta(), "h2", "alice", "f", 2, List.of()));
        view.apply(rejected("h2", "alice", "f", 2));

        BuyerStatus s = status(new VisitorTicket("demo", "alice", 1, null, "c"));

        assertEquals(BuyerState.PURCHASED, s.state());
        assertEquals("h1", s.holdId());
        assertEquals(List.of("h1"), s.orderIds());
    }

    @Test
    void aLiveHoldIsNotHiddenByANewerPendingOrRejectedRequest() {
        create(NOW.minusSeconds(600));
        admitted("alice", 1, NOW.plusSeconds(300));
        VisitorTicket alice = new VisitorTicket("demo", "alice", 1, null, "c");
        view.apply(new HoldRequested(meta(), "h1", "alice", "f", 1, List.of()));
        view.apply(placed("h1", "alice", "f", "A-1"));

        view.apply(new HoldRequested(meta(), "h2", "alice", "f", 2, List.of()));
        assertEquals("h1", status(alice).holdId(), "a newer pending request");
        assertEquals(BuyerState.HOLDING, status(alice).state());

        view.apply(rejected("h2", "alice", "f", 2));
        assertEquals("h1", status(alice).holdId(), "a newer rejected request");
        assertEquals(BuyerState.HOLDING, status(alice).state());
        assertNotNull(status(alice).admissionToken(), "with the pass to check it out");
    }

    @Test
    void aPurchaseIsListedWhileTheBuyerHoldsMore() {
        create(NOW.minusSeconds(600));
        admitted("alice", 1, NOW.plusSeconds(300));
        view.apply(placed("h1", "alice", "f", "A-1"));
        view.apply(sold("h1", "alice", "f", "A-1"));
        view.apply(placed("h2", "alice", "f", "A-2"));

        BuyerStatus s = status(new VisitorTicket("demo", "alice", 1, null, "c"));

        assertEquals(BuyerState.HOLDING, s.state());
        assertEquals("h2", s.holdId());
        assertEquals(List.of("h1"), s.orderIds());
    }

    @Test
    void aBuyerInPaymentWhenTheSaleClosesIsToldPayingUntilTheOutcome() {
        create(NOW.minusSeconds(600));
        admitted("alice", 1, NOW.plusSeconds(300));
        VisitorTicket alice = new VisitorTicket("demo", "alice", 1, null, "c");
        view.apply(placed("h1", "alice", "f", "A-1"));
        view.apply(new CheckoutRequested(meta(), "h1", "alice", "f", 100, "EUR", "tok_visa"));

        view.apply(new SaleClosed(meta(), "ops", "done"));
        assertEquals(BuyerState.PAYING, status(alice).state());
        assertEquals("h1", status(alice).holdId());

        view.apply(sold("h1", "alice", "f", "A-1"));
        assertEquals(BuyerState.PURCHASED, status(alice).state());
    }

    @Test
    void aBuyerHoldingWhenTheSaleClosesIsToldItIsClosed() {
        create(NOW.minusSeconds(600));
        admitted("alice", 1, NOW.plusSeconds(300));
        view.apply(placed("h1", "alice", "f", "A-1"));

        view.apply(new SaleClosed(meta(), "ops", "done"));

        assertEquals(BuyerState.CLOSED, status(new VisitorTicket("demo", "alice", 1, null, "c")).state(),
                "nothing can be checked out any more");
    }

    @Test
    void aLateRefusalOfASecondChargeLeavesThePurchase() {
        create(NOW.minusSeconds(600));
        admitted("alice", 1, NOW.plusSeconds(300));
        view.apply(placed("h1", "alice", "f", "A-1"));
        view.apply(new CheckoutRequested(meta(), "h1", "alice", "f", 100, "EUR", "tok_visa"));
        view.apply(sold("h1", "alice", "f", "A-1"));

        view.apply(new HoldSaleRefused(meta(), "h1", "alice", "f", "ch_second", "HOLD_SOLD"));

        assertEquals(BuyerState.PURCHASED, status(new VisitorTicket("demo", "alice", 1, null, "c")).state());
        assertEquals(BuyerState.PURCHASED, view.hold("h1").orElseThrow().state());
    }

    @Test
    void whilePausedAdmittedBuyersAreToldTheyAreAdmittedAndTheLineKeepsItsPositions() {
        create(NOW.minusSeconds(600));
        admitted("alice", 1, NOW.plusSeconds(300));
        admitted("bob", 2, NOW.plusSeconds(300));
        view.apply(new BuyerQueued(meta(), "carol", 3, false));
        view.apply(new BuyerQueued(meta(), "dan", 4, false));
        view.apply(new SalePaused(EventMeta.of("demo", "c", "x", NOW.minusSeconds(60)), "ops", "incident"));

        BuyerStatus alice = status(new VisitorTicket("demo", "alice", 1, null, "c"));
        BuyerStatus bob = status(new VisitorTicket("demo", "bob", 2, null, "c"));
        BuyerStatus carol = status(new VisitorTicket("demo", "carol", 3, null, "c"));
        BuyerStatus dan = status(new VisitorTicket("demo", "dan", 4, null, "c"));

        assertEquals(BuyerState.ADMITTED_PAUSED, alice.state());
        assertEquals(BuyerState.ADMITTED_PAUSED, bob.state());
        assertNull(alice.position());
        assertNotNull(alice.admissionToken());
        assertEquals(NOW.plusSeconds(360), alice.windowEndsAt(), "the minute paused so far is added");
        assertEquals(BuyerState.PAUSED, carol.state());
        assertEquals(1, carol.position());
        assertEquals(2, dan.position());
    }

    /**
     * A restarted gateway reads every topic partition from its beginning, side by side: records of one
     * partition come in order, records of different partitions in any order.
     */
    @Test
    void theStatusIsTheSameWhateverOrderTheTopicsAreReplayedIn() {
        List<List<Event>> partitions = List.of(
                List.of(new SaleCreated(meta(), "ops", config(NOW.minusSeconds(600), new SectionConfig("f", "F", 1, 10, 100),
                        new SectionConfig("g", "G", 1, 10, 50)))),
                List.of(new BuyerQueued(meta(), "alice", 1, false),
                        new BuyerAdmitted(meta(), "alice", 1, NOW.plusSeconds(300), Duration.ZERO)),
                List.of(new HoldRequested(meta(), "h1", "alice", "f", 1, List.of()),
                        new HoldRequested(meta(), "h2", "alice", "f", 1, List.of())),
                List.of(new HoldRequested(meta(), "h3", "alice", "g", 1, List.of())),
                List.of(placed("h1", "alice", "f", "A-1"), placed("h2", "alice", "f", "A-2"),
                        new HoldExpired(meta(), "h2", "alice", "f", List.of("A-2"))),
                List.of(rejected("h3", "alice", "g", 1)),
                List.of(new CheckoutRequested(meta(), "h1", "alice", "f", 100, "EUR", "tok_visa")));
        Random random = new Random(14);
        Set<String> told = new HashSet<>();
        for (int run = 0; run < 300; run++) {
            GatewayView replayed = new GatewayView(Clock.fixed(NOW, ZoneOffset.UTC));
            interleaved(partitions, random).forEach(replayed::apply);
            BuyerStatus s = statuses.of(replayed.sale("demo").orElseThrow(),
                    new VisitorTicket("demo", "alice", 1, null, "c"),
                    new BuyerHolds(replayed.holdsOf("demo", "alice")));
            told.add(s.state() + " " + s.holdId());
        }
        assertEquals(Set.of("PAYING h1"), told);
    }

    private static List<Event> interleaved(List<List<Event>> partitions, Random random) {
        List<Integer> draws = new ArrayList<>();
        for (int p = 0; p < partitions.size(); p++) {
            for (int i = 0; i < partitions.get(p).size(); i++) {
                draws.add(p);
            }
        }
        Collections.shuffle(draws, random);
        int[] next = new int[partitions.size()];
        return draws.stream().map(p -> partitions.get(p).get(next[p]++)).toList();
    }

    private static SaleConfig config(Instant opensAt, SectionConfig... sections) {
        return new SaleConfig("Demo", opensAt, "EUR", 10, 100, Duration.ofMinutes(5), Duration.ofMinutes(10), 4,
                List.of(sections));
    }

    /** All that is left of a sale's line once the queue topic's 30 days have passed: its summary. */
    @Test
    void afterTheQueuesRetentionTheLinesSummaryStillPlacesEveryBuyer() {
        create(NOW.minus(Duration.ofDays(40)));
        view.apply(new LineSummary(meta(), 7L, SeededPermutation.ALGORITHM, 50, 60, 40, null, null, null));
        SeededPermutation draw = new SeededPermutation(7, 50);
        long index = java.util.stream.LongStream.range(0, 50).filter(i -> draw.apply(i) + 1 > 40).findFirst()
                .orElseThrow();

        BuyerStatus preQueued = status(new VisitorTicket("demo", "pre", 0, index, "c"));
        BuyerStatus admittedLongAgo = status(new VisitorTicket("demo", "b30", 30, null, "c"));
        BuyerStatus waiting = status(new VisitorTicket("demo", "b58", 58, null, "c"));

        assertEquals(BuyerState.WAITING, preQueued.state(), "not PRE_QUEUE for ever");
        assertEquals(draw.apply(index) + 1, preQueued.sequence());
        assertEquals(BuyerState.ADMISSION_EXPIRED, admittedLongAgo.state(), "a window 40 days old is over");
        assertEquals(BuyerState.WAITING, waiting.state());
        assertEquals(18, waiting.position());
        assertEquals(60, sale().lastSequence());
    }

    @Test
    void afterTheHoldsRetentionInventorysPublishedCountStillSaysSoldOut() {
        create(NOW.minus(Duration.ofDays(40)));
        view.apply(new BuyerQueued(meta(), "alice", 500, false));
        view.apply(new SectionAvailability(meta(), "f", "F", 100, false, 1, 10, 0, 0, 10, new long[]{1023}));

        assertEquals(BuyerState.SOLD_OUT, status(new VisitorTicket("demo", "alice", 500, null, "c")).state());
        assertEquals(10, sale().stock().sold());
        assertEquals(0, sale().stock().free());
    }
}
