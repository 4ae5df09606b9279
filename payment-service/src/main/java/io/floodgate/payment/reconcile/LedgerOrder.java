package io.floodgate.payment.reconcile;

import java.util.List;

/** An order as the ledger in PostgreSQL has it. */
public record LedgerOrder(String orderId, String chargeId, long amountCents, String currency, String sectionId,
                          List<String> seats) {
    public LedgerOrder {
        seats = List.copyOf(seats);
    }
}
