package io.floodgate.audit.reconcile;

import io.floodgate.payment.reconcile.Reconciliation;

import java.util.List;

/**
 * The reconciliation report: the orders ledger, the event log and the charges (the provider's own
 * record, or the log's account of it) compared seat by seat, with totals by section.
 *
 * @param chargesFrom where the charges came from
 * @param clean       every sold seat has exactly one authorized payment and one order row, no seat is
 *                    sold twice, and no charge is kept without an order
 */
public record SaleReconciliation(String saleId, String currency, String chargesFrom, boolean clean, long seatsSold,
                                 List<SectionTotal> sections, Reconciliation reconciliation) {
    public SaleReconciliation {
        sections = List.copyOf(sections);
    }
}
