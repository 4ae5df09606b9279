package io.floodgate.gateway.buyer;

import io.floodgate.contracts.sale.SaleState;
import io.floodgate.gateway.tokens.AdmissionPass;
import io.floodgate.gateway.tokens.Tokens;
import io.floodgate.gateway.tokens.VisitorTicket;
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

    public BuyerStatus of(SaleView sale, VisitorTicket ticket) {
        return statusOf(sale, ticket, tokens.now()).withMessage(sale.state().message());
    }

    private BuyerStatus statusOf(SaleView sale, VisitorTicket ticket, Instant now) {
        SaleState state = sale.state();
        if (state.closed()) {
            return BuyerStatus.of(BuyerState.CLOSED, sale.saleId(), ticket.buyerId());
        }
        if (sale.stock().soldOut()) {
            return BuyerStatus.of(BuyerState.SOLD_OUT, sale.saleId(), ticket.buyerId());
        }
        Optional<Long> drawn = ticket.preQueueIndex() == null ? Optional.of(ticket.sequence())
                : sale.drawnSequence(ticket.preQueueIndex());
        if (drawn.isEmpty()) {
            long untilOpening = Math.max(0, Duration.between(now, state.config().opensAt()).toMillis());
            return BuyerStatus.of(BuyerState.PRE_QUEUE, sale.saleId(), ticket.buyerId())
                    .opening(state.config().opensAt())
                    .pollAfter(Math.min(PRE_QUEUE_MAX_POLL_MS, Math.max(PRE_QUEUE_MIN_POLL_MS, untilOpening / 2)));
        }
        long sequence = drawn.get();
        LinePosition line = LinePosition.of(sequence, sale.admittedThrough(), state.admissionRatePerSecond());
        if (state.paused()) {
            return BuyerStatus.of(BuyerState.PAUSED, sale.saleId(), ticket.buyerId())
                    .inLine(sequence, line.position(), line.ahead(), line.waitEstimateSeconds())
                    .pollAfter(line.pollAfterMs());
        }
        Optional<Instant> windowEnd = sale.windowEnd(sequence, now);
        if (windowEnd.isPresent()) {
            if (!now.isBefore(windowEnd.get())) {
                return BuyerStatus.of(BuyerState.ADMISSION_EXPIRED, sale.saleId(), ticket.buyerId());
            }
            String pass = tokens.issue(new AdmissionPass(sale.saleId(), ticket.buyerId(), sequence,
                    ticket.correlationId(), windowEnd.get()));
            return BuyerStatus.of(BuyerState.ADMITTED, sale.saleId(), ticket.buyerId())
                    .admitted(pass, windowEnd.get()).pollAfter(ADMITTED_POLL_MS);
        }
        return BuyerStatus.of(BuyerState.WAITING, sale.saleId(), ticket.buyerId())
                .inLine(sequence, line.position(), line.ahead(), line.waitEstimateSeconds())
                .pollAfter(line.pollAfterMs());
    }
}
