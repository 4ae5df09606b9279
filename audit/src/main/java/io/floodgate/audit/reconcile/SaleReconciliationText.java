package io.floodgate.audit.reconcile;

import io.floodgate.audit.Text;
import io.floodgate.payment.reconcile.ReconciliationText;

/** A reconciliation report as a person reads it. */
public final class SaleReconciliationText {
    private SaleReconciliationText() {
    }

    public static String format(SaleReconciliation r) {
        StringBuilder out = new StringBuilder(ReconciliationText.format(r.reconciliation()));
        out.append("  charges taken from ").append(r.chargesFrom()).append("\n\nBy section\n")
                .append("  section               capacity   sold  orders         revenue   ledger: seats  orders         revenue\n");
        for (SectionTotal s : r.sections()) {
            out.append(Text.format("  %-20s %9d %6d %7d %15s          %6d %7d %15s%n", s.sectionId(), s.capacity(), s.seatsSold(),
                    s.orders(), Text.money(s.revenueCents(), null), s.ledgerSeats(), s.ledgerOrders(),
                    Text.money(s.ledgerCents(), null)));
        }
        out.append(Text.format("  %-20s %9d %6d %7d %15s          %6d %7d %15s%n", "total",
                r.sections().stream().mapToLong(SectionTotal::capacity).sum(), r.seatsSold(),
                r.sections().stream().mapToLong(SectionTotal::orders).sum(),
                Text.money(r.sections().stream().mapToLong(SectionTotal::revenueCents).sum(), r.currency()),
                r.sections().stream().mapToLong(SectionTotal::ledgerSeats).sum(),
                r.sections().stream().mapToLong(SectionTotal::ledgerOrders).sum(),
                Text.money(r.sections().stream().mapToLong(SectionTotal::ledgerCents).sum(), r.currency())));
        out.append('\n').append(r.clean()
                ? Text.format("RECONCILED: each of the %,d sold seats has exactly one authorized payment and one order row; "
                + "no seat is sold twice; no charge is kept without an order.%n", r.seatsSold())
                : "NOT RECONCILED: see the differences above.\n");
        return out.toString();
    }
}
