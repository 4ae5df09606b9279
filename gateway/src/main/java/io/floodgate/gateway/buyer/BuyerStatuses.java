package io.floodgate.gateway.buyer;

import io.floodgate.contracts.sale.SaleState;
import io.floodgate.gateway.tokens.AdmissionPass;
import io.floodgate.gateway.tokens.Tokens;
import io.floodgate.gateway.tokens.VisitorTicket;
import io.floodgate.gateway.view.HoldView;
import io.floodgate.gateway.view.SaleView;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Works out a buyer's status from their ticket and the sale's view: O(1), no I/O. */
@Singleton
public final class BuyerStatuses {
    private static final long ADMITTED_POLL_MS = 5_000;

    private static final long PRE_QUEUE_MAX_POLL_MS = 10_000;
    private static final long PRE_QUEUE_MIN_POLL_MS = 1_000;

    private final Tokens tokens;

    public BuyerStatuses(Tokens tokens) {
        this.tokens = tokens;
    }

    /**
     * @param holds all the buyer's holds in the sale: while one is live, in payment or bought, it is
     *              their status (see {@link BuyerHolds}); their orders come with every state
     */
    public BuyerStatus of(SaleView sale, VisitorTicket ticket, BuyerHolds holds) {
        Instant now = tokens.now();
        BuyerStatus status = holds.shown(sale.state().closed())
                .map(h -> holding(sale, ticket, h, now))
                .orElseGet(() -> statusOf(sale, ticket, holds, now));
        return status.withOrders(holds.orderIds()).withMessage(sale.state().message());
    }

    /** The buyer's place: from the ticket, or for a pre-queued buyer drawn at opening (empty before). */
    public static Optional<Long> sequence(SaleView sale, VisitorTicket ticket) {
        return ticket.preQueueIndex() == null ? Optional.of(ticket.sequence())
                : sale.drawnSequence(ticket.preQueueIndex());
    }

    /** A pass to check {@code hold} out with until it expires, whatever the buyer's admission window. */
    public static AdmissionPass checkoutPass(SaleView sale, VisitorTicket ticket, HoldView hold, Instant now) {
        return new AdmissionPass(sale.saleId(), ticket.buyerId(), sequence(sale, ticket).orElse(0L),
                ticket.correlationId(), hold.expiresAt(), sale.state().pausedUntil(now));
    }

    private BuyerStatus holding(SaleView sale, VisitorTicket ticket, HoldView hold, Instant now) {
        BuyerStatus status = BuyerStatus.of(hold.state(), sale.saleId(), ticket.buyerId()).forHold(hold.holdId());
        if (hold.state() == BuyerState.HOLDING) {
            status = status.admitted(tokens.issue(checkoutPass(sale, ticket, hold, now)), hold.expiresAt());
        }
        if (hold.paymentWait() != null) {
            status = status.inPaymentLine(hold.paymentWait().ahead(), hold.paymentWait().estimateSeconds());
        }
        Long poll = hold.state().pollAfterMs();
        return poll == null ? status : status.pollAfter(poll);
    }

    private BuyerStatus statusOf(SaleView sale, VisitorTicket ticket, BuyerHolds holds, Instant now) {
        SaleState state = sale.state();
        if (state.closed()) {
            return BuyerStatus.of(BuyerState.CLOSED, sale.saleId(), ticket.buyerId());
        }
        if (sale.stock().soldOut()) {
            return BuyerStatus.of(BuyerState.SOLD_OUT, sale.saleId(), ticket.buyerId());
        }
        Optional<Long> drawn = sequence(sale, ticket);
        if (drawn.isEmpty()) {
            long untilOpening = Math.max(0, Duration.between(now, state.config().opensAt()).toMillis());
            return BuyerStatus.of(BuyerState.PRE_QUEUE, sale.saleId(), ticket.buyerId())
                    .opening(state.config().opensAt())
                    .pollAfter(Math.min(PRE_QUEUE_MAX_POLL_MS, Math.max(PRE_QUEUE_MIN_POLL_MS, untilOpening / 2)));
        }
        long sequence = drawn.get();
        Optional<Instant> windowEnd = sale.windowEnd(sequence, now);
        if (windowEnd.isPresent()) {
            if (!now.isBefore(windowEnd.get())) {
                // A buyer whose last hold ended is told how it ended rather than only that time ran out;
                // one whose requests came to nothing (rejected, say) is simply out of time.
                return holds.lastEnded()
                        .map(h -> BuyerStatus.of(h.state(), sale.saleId(), ticket.buyerId()).forHold(h.holdId()))
                        .orElseGet(() -> BuyerStatus.of(BuyerState.ADMISSION_EXPIRED, sale.saleId(),
                                ticket.buyerId()));
            }
            // While paused the window stops: the end shown is the earliest it can be, and the pass keeps up.
            String pass = tokens.issue(new AdmissionPass(sale.saleId(), ticket.buyerId(), sequence,
                    ticket.correlationId(), windowEnd.get(), state.pausedUntil(now)));
            return BuyerStatus.of(state.paused() ? BuyerState.ADMITTED_PAUSED : BuyerState.ADMITTED, sale.saleId(),
                            ticket.buyerId()).at(sequence)
                    .admitted(pass, windowEnd.get()).pollAfter(ADMITTED_POLL_MS);
        }
        // Before any admission, the configured rate; after, only what admissions really achieve.
        LinePosition line = LinePosition.of(sequence, sale.admittedThrough(), sale.admittedThrough() == 0
                ? state.admissionRatePerSecond() : sale.measuredAdmissionRate(now));
        return BuyerStatus.of(state.paused() ? BuyerState.PAUSED : BuyerState.WAITING, sale.saleId(),
                        ticket.buyerId())
                .inLine(sequence, line.position(), line.ahead(), line.waitEstimateSeconds())
                .pollAfter(line.pollAfterMs());
    }
}
