package io.floodgate.payment.reconcile;

import io.floodgate.contracts.hold.HoldSaleRefused;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.payment.provider.ProviderCharge;
import io.floodgate.payment.reconcile.Difference.Kind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a sale's three records, each kept by a different party: the orders ledger, the event
 * log (what was sold and what was refused), and the provider's own charges. Plain Java, so it runs
 * the same against live systems or against an exported log.
 */
public final class Reconciler {
    private Reconciler() {
    }

    public static Reconciliation reconcile(String saleId, Collection<LedgerOrder> ledger, Collection<HoldSold> sold,
                                           Collection<HoldSaleRefused> refused, Collection<ProviderCharge> provider) {
        List<Difference> found = new ArrayList<>();
        Map<String, LedgerOrder> orders = byKey(ledger, LedgerOrder::orderId);
        Map<String, HoldSold> soldByHold = byKey(sold, HoldSold::holdId);
        Map<String, List<ProviderCharge>> chargesByHold = new TreeMap<>();
        Map<String, ProviderCharge> chargesById = new HashMap<>();
        for (ProviderCharge c : provider) {
            chargesById.put(c.chargeId(), c);
            if (c.authorized()) {
                chargesByHold.computeIfAbsent(c.reference(), h -> new ArrayList<>()).add(c);
            }
        }

        for (LedgerOrder order : orders.values()) {
            ProviderCharge charge = chargesById.get(order.chargeId());
            if (charge == null || !charge.authorized() || charge.refundId() != null) {
                found.add(new Difference(Kind.ORDER_WITHOUT_CHARGE, order.orderId(), order.chargeId(),
                        charge == null ? "the provider has no such charge"
                                : charge.refundId() != null ? "the charge was refunded (" + charge.refundId() + ")"
                                : "the charge was declined"));
            } else if (charge.amountCents() != order.amountCents() || !charge.currency().equals(order.currency())) {
                found.add(new Difference(Kind.AMOUNT_MISMATCH, order.orderId(), order.chargeId(),
                        "order " + order.amountCents() + " " + order.currency() + " vs charge "
                                + charge.amountCents() + " " + charge.currency()));
            }
            HoldSold event = soldByHold.get(order.orderId());
            if (event == null) {
                found.add(new Difference(Kind.ORDER_WITHOUT_EVENT, order.orderId(), order.chargeId(),
                        "no HoldSold in the log"));
            } else if (!Objects.equals(event.chargeId(), order.chargeId())) {
                found.add(new Difference(Kind.CHARGE_ID_MISMATCH, order.orderId(), order.chargeId(),
                        "HoldSold names " + event.chargeId()));
            } else if (event.amountCents() != order.amountCents() || !event.currency().equals(order.currency())
                    || !new TreeSet<>(event.seats()).equals(new TreeSet<>(order.seats()))) {
                found.add(new Difference(Kind.ORDER_DIFFERS_FROM_EVENT, order.orderId(), order.chargeId(),
                        "ledger " + order.amountCents() + " " + order.currency() + " " + order.seats() + " vs HoldSold "
                                + event.amountCents() + " " + event.currency() + " " + event.seats()));
            }
        }
        for (HoldSold event : soldByHold.values()) {
            if (!orders.containsKey(event.holdId())) {
                found.add(new Difference(Kind.SOLD_NOT_IN_LEDGER, event.holdId(), event.chargeId(),
                        "HoldSold at " + event.meta().occurredAt() + " has no order row"));
            }
        }
        for (Map.Entry<String, List<ProviderCharge>> entry : chargesByHold.entrySet()) {
            List<ProviderCharge> kept = entry.getValue().stream().filter(c -> c.refundId() == null).toList();
            if (entry.getValue().size() > 1) {
                found.add(new Difference(Kind.DOUBLE_CHARGE, entry.getKey(), null,
                        entry.getValue().size() + " authorized charges: "
                                + entry.getValue().stream().map(ProviderCharge::chargeId).toList()));
            }
            for (ProviderCharge c : kept) {
                LedgerOrder order = orders.get(c.reference());
                if (order == null || !c.chargeId().equals(order.chargeId())) {
                    found.add(new Difference(Kind.CHARGE_WITHOUT_ORDER, c.reference(), c.chargeId(),
                            c.amountCents() + " " + c.currency() + " kept with no order"));
                }
            }
        }
        for (HoldSaleRefused r : refused) {
            ProviderCharge charge = r.chargeId() == null ? null : chargesById.get(r.chargeId());
            if (charge != null && charge.authorized() && charge.refundId() == null) {
                found.add(new Difference(Kind.REFUND_OWED, r.holdId(), r.chargeId(),
                        "hold ended before payment (" + r.reason() + ") and the charge is not refunded"));
            }
        }
        Map<String, String> seatOwner = new HashMap<>();
        for (HoldSold event : sold) {
            for (String seat : event.seats()) {
                String previous = seatOwner.putIfAbsent(event.sectionId() + "/" + seat, event.holdId());
                if (previous != null && !previous.equals(event.holdId())) {
                    found.add(new Difference(Kind.SEAT_SOLD_TWICE, event.holdId(), event.chargeId(),
                            "seat " + event.sectionId() + "/" + seat + " also sold in " + previous));
                }
            }
        }

        found.sort(Comparator.comparing(Difference::kind).thenComparing(d -> String.valueOf(d.holdId()))
                .thenComparing(d -> String.valueOf(d.chargeId())));
        List<ProviderCharge> keptAll = provider.stream().filter(c -> c.authorized() && c.refundId() == null).toList();
        return new Reconciliation(saleId, orders.size(), soldByHold.size(), keptAll.size(),
                provider.stream().filter(c -> c.refundId() != null).count(),
                orders.values().stream().mapToLong(LedgerOrder::amountCents).sum(),
                keptAll.stream().mapToLong(ProviderCharge::amountCents).sum(), found);
    }

    private static <T> Map<String, T> byKey(Collection<T> items, java.util.function.Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            map.putIfAbsent(key.apply(item), item);
        }
        return map;
    }
}
