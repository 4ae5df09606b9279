package io.floodgate.audit.reconcile;

import io.floodgate.audit.replay.SaleReplay;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.contracts.sale.SectionConfig;
import io.floodgate.payment.provider.ProviderCharge;
import io.floodgate.payment.reconcile.LedgerOrder;
import io.floodgate.payment.reconcile.Reconciler;
import io.floodgate.payment.reconcile.Reconciliation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reconciles a replayed sale with its orders ledger and its charges, using payment-service's {@link Reconciler}. */
public final class SaleReconciler {
    private SaleReconciler() {
    }

    public static SaleReconciliation of(SaleReplay replay, Collection<LedgerOrder> ledger,
                                        Collection<ProviderCharge> charges, String chargesFrom) {
        Reconciliation r = Reconciler.reconcile(replay.saleId(), ledger, replay.sold(), replay.refused(),
                replay.authorized(), charges);
        List<SectionTotal> sections = new ArrayList<>();
        for (SectionConfig s : replay.sections()) {
            List<HoldSold> sold = replay.sold().stream().filter(h -> h.sectionId().equals(s.id())).toList();
            List<LedgerOrder> rows = ledger.stream().filter(o -> o.sectionId().equals(s.id())).toList();
            sections.add(new SectionTotal(s.id(), s.name(), s.capacity(),
                    sold.stream().mapToLong(h -> h.seats().size()).sum(), sold.size(),
                    sold.stream().mapToLong(HoldSold::amountCents).sum(),
                    rows.stream().mapToLong(o -> o.seats().size()).sum(), rows.size(),
                    rows.stream().mapToLong(LedgerOrder::amountCents).sum()));
        }
        String currency = replay.created() == null ? "" : replay.created().config().currency();
        return new SaleReconciliation(replay.saleId(), currency, chargesFrom, r.clean() && replay.oversold() == 0,
                sections.stream().mapToLong(SectionTotal::seatsSold).sum(), sections, r);
    }
}
