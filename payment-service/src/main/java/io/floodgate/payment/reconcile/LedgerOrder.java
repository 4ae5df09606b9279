package io.floodgate.payment.reconcile;

import io.floodgate.contracts.hold.HoldSold;

import java.util.List;

/** An order as the ledger in PostgreSQL has it. */
public record LedgerOrder(String orderId, String chargeId, long amountCents, String currency, String sectionId,
                          List<String> seats) {
    public LedgerOrder {
        seats = List.copyOf(seats);
    }

    /** The order the ledger records for {@code sold}. */
    public static LedgerOrder of(HoldSold sold) {
        return new LedgerOrder(sold.holdId(), sold.chargeId(), sold.amountCents(), sold.currency(), sold.sectionId(),
                sold.seats());
    }
}
