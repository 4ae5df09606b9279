package io.floodgate.gateway.buyer;

import io.floodgate.gateway.view.HoldView;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.floodgate.gateway.buyer.BuyerState.HOLDING;
import static io.floodgate.gateway.buyer.BuyerState.HOLD_ENDED_BEFORE_PAYMENT;
import static io.floodgate.gateway.buyer.BuyerState.HOLD_EXPIRED;
import static io.floodgate.gateway.buyer.BuyerState.HOLD_PENDING;
import static io.floodgate.gateway.buyer.BuyerState.PAYING;
import static io.floodgate.gateway.buyer.BuyerState.PAYMENT_DECLINED;
import static io.floodgate.gateway.buyer.BuyerState.PAYMENT_DELAYED;
import static io.floodgate.gateway.buyer.BuyerState.PURCHASED;

/**
 * What all of a buyer's holds in one sale say together. It depends only on the holds' states, never
 * on which was read last, so a gateway that replays the topics in another order tells the same.
 * A hold that needs the buyer (held, to check out) comes first, then one waiting for an outcome,
 * then what happened; a newer request never hides an older live hold, and a purchase is never
 * hidden: its order is listed with every state ({@link #orderIds()}).
 */
public record BuyerHolds(List<HoldView> holds) {
    /** The states a status is about, most pressing first. */
    private static final List<BuyerState> SHOWN = List.of(HOLDING, PAYING, PAYMENT_DELAYED, HOLD_PENDING, PURCHASED,
            HOLD_ENDED_BEFORE_PAYMENT);
    /** Once the sale is closed nothing can be held or checked out: only payments under way, and what happened. */
    private static final List<BuyerState> SHOWN_WHEN_CLOSED = List.of(PAYING, PAYMENT_DELAYED, PURCHASED,
            HOLD_ENDED_BEFORE_PAYMENT);
    /** Of two holds in the same state: the one expiring first, then by id, so the choice is the same everywhere. */
    private static final Comparator<HoldView> SAME_STATE = Comparator
            .comparing(HoldView::expiresAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(HoldView::holdId);

    public BuyerHolds {
        holds = List.copyOf(holds);
    }

    public static BuyerHolds none() {
        return new BuyerHolds(List.of());
    }

    /** The hold the buyer's status is about, whatever their window; empty when none is. */
    public Optional<HoldView> shown(boolean saleClosed) {
        List<BuyerState> order = saleClosed ? SHOWN_WHEN_CLOSED : SHOWN;
        return holds.stream().filter(h -> order.contains(h.state()))
                .min(Comparator.<HoldView>comparingInt(h -> order.indexOf(h.state())).thenComparing(SAME_STATE));
    }

    /** The hold that ended last without a sale (expired, declined): what to tell a buyer whose window is over. */
    public Optional<HoldView> lastEnded() {
        return holds.stream().filter(h -> h.state() == HOLD_EXPIRED || h.state() == PAYMENT_DECLINED)
                .max(Comparator.comparing(HoldView::endedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                        .thenComparing(HoldView::holdId));
    }

    /** The buyer's orders in this sale (an order's id is its hold's), in id order. */
    public List<String> orderIds() {
        return holds.stream().filter(h -> h.state() == PURCHASED).map(HoldView::holdId).sorted().toList();
    }
}
