package io.floodgate.gateway.hold;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.queue.BuyerAdmitted;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SalePaused;
import io.floodgate.contracts.sale.SaleResumed;
import io.floodgate.contracts.sale.SectionConfig;
import io.floodgate.gateway.GatewaySettings;
import io.floodgate.gateway.api.ApiException;
import io.floodgate.gateway.buyer.BuyerHolds;
import io.floodgate.gateway.buyer.BuyerStatuses;
import io.floodgate.gateway.testing.ManualClock;
import io.floodgate.gateway.tokens.TokenSettings;
import io.floodgate.gateway.tokens.Tokens;
import io.floodgate.gateway.tokens.VisitorTicket;
import io.floodgate.gateway.view.GatewayView;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The hold endpoint's checks, in the order a buyer meets them; nothing here reaches Kafka. */
class HoldControllerTest {
    private static final Instant NOW = Instant.parse("2026-11-22T20:00:00Z");

    private final ManualClock clock = new ManualClock(NOW);
    private final GatewayView view = new GatewayView(clock);
    private final Tokens tokens = new Tokens(new TokenSettings(Optional.of("s"), List.of()), clock);
    private final HoldController holds = new HoldController(view, null, tokens, new GatewaySettings(Duration.ofSeconds(3), List.of(),
            Duration.ofSeconds(5)));

    private static EventMeta at(Instant when) {
        return EventMeta.of("demo", "c", "x", when);
    }

    private String admittedAlicesToken() {
        view.apply(new SaleCreated(at(NOW), "ops", new SaleConfig("Demo", NOW.minusSeconds(60), "EUR", 10, 100,
                Duration.ofMinutes(5), Duration.ofMinutes(10), 4, List.of(new SectionConfig("f", "F", 1, 10, 100)))));
        view.apply(new BuyerQueued(at(NOW), "alice", 1, false));
        view.apply(new BuyerAdmitted(at(NOW), "alice", 1, NOW.plusSeconds(300), Duration.ZERO));
        return new BuyerStatuses(tokens).of(view.sale("demo").orElseThrow(),
                new VisitorTicket("demo", "alice", 1, null, "c"), BuyerHolds.none()).admissionToken();
    }

    private ApiException holdWith(String token) {
        return assertThrows(ApiException.class, () -> holds.hold("demo", "Bearer " + token,
                new HoldRequest("f", 1, null)));
    }

    @Test
    void aHoldLateInAPauseIsToldTheSaleIsPausedNotThatTheTokenExpired() {
        String token = admittedAlicesToken();
        view.apply(new SalePaused(at(NOW.plusSeconds(100)), "ops", "incident"));
        clock.set(NOW.plusSeconds(400)); // past the token's first end: a pause takes no time from the buyer

        ApiException refused = holdWith(token);

        assertEquals("SALE_PAUSED", refused.toError().error());
        assertEquals(409, refused.toError().status());
    }

    @Test
    void afterAPauseTheSameTokenStillHoldsForTheTimeThePauseGaveBack() {
        String token = admittedAlicesToken();
        view.apply(new SalePaused(at(NOW.plusSeconds(100)), "ops", "incident"));
        view.apply(new SaleResumed(at(NOW.plusSeconds(500)), "ops", "ok"));
        clock.set(NOW.plusSeconds(600)); // the window now ends at +700 s

        ApiException answered = holdWith(token);

        assertEquals("SEATS_NOT_READY", answered.toError().error(), "past the token and the window checks");
        clock.set(NOW.plusSeconds(700));
        assertEquals("TOKEN_EXPIRED", holdWith(token).toError().error());
    }
}
