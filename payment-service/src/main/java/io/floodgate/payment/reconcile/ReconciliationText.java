package io.floodgate.payment.reconcile;

import java.util.Locale;

/** A reconciliation as a person reads it. */
public final class ReconciliationText {
    private ReconciliationText() {
    }

    public static String format(Reconciliation r) {
        StringBuilder out = new StringBuilder();
        out.append("Reconciliation of sale ").append(r.saleId()).append('\n');
        out.append(String.format(Locale.ROOT, "  orders in the ledger      %8d   %s%n", r.ordersInLedger(), money(r.ledgerCents())));
        out.append(String.format(Locale.ROOT, "  sold (HoldSold events)    %8d%n", r.soldInEvents()));
        out.append(String.format(Locale.ROOT, "  charges kept by provider  %8d   %s%n", r.chargesKept(), money(r.providerCents())));
        out.append(String.format(Locale.ROOT, "  refunds at the provider   %8d%n", r.refunds()));
        if (r.clean()) {
            out.append("No differences: every order has its charge and every charge its order.\n");
            return out.toString();
        }
        out.append(r.differences().size()).append(" difference(s):\n");
        for (Difference d : r.differences()) {
            out.append(String.format(Locale.ROOT, "  %-20s hold %s  charge %s  %s%n", d.kind(), d.holdId(),
                    d.chargeId() == null ? "-" : d.chargeId(), d.detail()));
        }
        return out.toString();
    }

    public static String money(long cents) {
        return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }
}
