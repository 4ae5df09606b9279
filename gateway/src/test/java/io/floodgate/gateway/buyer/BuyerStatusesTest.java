package io.floodgate.gateway.buyer;

import io.floodgate.contracts.EventMeta;
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
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class BuyerStatusesTest {
    private static final Instant NOW = Instant.parse("2026-11-22T20:00:00Z");
    private static final Instant OPENS = NOW.plusSeconds(120);

    private final GatewayView view = new GatewayView(java.time.Clock.systemUTC());
    private final BuyerStatuses statuses = new BuyerStatuses(
            new Tokens(new TokenSettings(Optional.of("s"), List.of()), Clock.fixed(NOW, ZoneOffset.UTC)));

    private static EventMeta meta() {
        return EventMeta.of("demo", "c", "x", NOW);
    }

    private SaleView sale() {
        return view.sale("demo").orElseThrow();
    }

    private BuyerStatus status(VisitorTicket ticket) {
        return statuses.of(sale(), ticket, view.latestHold("demo", ticket.buyerId()));
    }

    private void create(Instant opensAt) {
        view.apply(new SaleCreated(meta(), "ops", new SaleConfig("Demo", opensAt, "EUR", 10, 100,
                Duration.ofMinutes(5), Duration.ofMinutes(10), 4, List.of(new SectionConfig("f", "F", 1, 10, 100)))));
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
        view.apply(new LineOpened(meta(), 7, 50, SeededPermutation.ALGORITHM));

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
}
