package io.floodgate.gateway.buyer;

import io.floodgate.gateway.tokens.AdmissionPass;
import io.floodgate.gateway.tokens.Tokens;
import io.floodgate.gateway.tokens.VisitorTicket;
import io.floodgate.gateway.view.SaleView;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/** Works out a buyer's status from their ticket and the sale's view: O(1), no I/O. */
@Singleton
public final class BuyerStatuses {
    private static final long ADMITTED_POLL_MS = 5_000;

    private final Tokens tokens;

    public BuyerStatuses(Tokens tokens) {
        this.tokens = tokens;
    }

    public BuyerStatus of(SaleView sale, VisitorTicket ticket) {
        Optional<Instant> windowEnd = sale.windowEnd(ticket.sequence());
        if (windowEnd.isPresent()) {
            if (!tokens.now().isBefore(windowEnd.get())) {
                return BuyerStatus.of(BuyerState.ADMISSION_EXPIRED, sale.saleId(), ticket.buyerId());
            }
            String pass = tokens.issue(new AdmissionPass(sale.saleId(), ticket.buyerId(), ticket.sequence(),
                    ticket.correlationId(), windowEnd.get()));
            return BuyerStatus.of(BuyerState.ADMITTED, sale.saleId(), ticket.buyerId())
                    .admitted(pass, windowEnd.get()).pollAfter(ADMITTED_POLL_MS);
        }
        LinePosition line = LinePosition.of(ticket.sequence(), sale.admittedThrough(),
                sale.config().admissionRatePerSecond());
        return BuyerStatus.of(BuyerState.WAITING, sale.saleId(), ticket.buyerId())
                .inLine(ticket.sequence(), line.position(), line.ahead(), line.waitEstimateSeconds())
                .pollAfter(line.pollAfterMs());
    }
}
