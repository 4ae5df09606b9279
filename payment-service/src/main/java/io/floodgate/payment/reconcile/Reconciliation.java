package io.floodgate.payment.reconcile;

import java.util.List;

/**
 * What a reconciliation of one sale found: the totals on each side, and every difference.
 *
 * @param ordersInLedger      orders in the ledger
 * @param soldInEvents        {@code HoldSold} events
 * @param chargesKept         authorized, not refunded charges at the provider
 * @param refunds             refunded charges at the provider
 * @param ledgerCents         revenue by the ledger
 * @param providerCents       money kept by the provider
 */
public record Reconciliation(String saleId, long ordersInLedger, long soldInEvents, long chargesKept, long refunds,
                             long ledgerCents, long providerCents, List<Difference> differences) {
    public Reconciliation {
        differences = List.copyOf(differences);
    }

    public boolean clean() {
        return differences.isEmpty();
    }
}
