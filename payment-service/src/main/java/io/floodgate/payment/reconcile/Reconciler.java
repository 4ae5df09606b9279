package io.floodgate.payment.reconcile;

import io.floodgate.contracts.hold.HoldSaleRefused;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.contracts.payment.PaymentAuthorized;
import io.floodgate.payment.provider.ProviderCharge;
import io.floodgate.payment.reconcile.Difference.Kind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

    /**
     * @param sold       the log's {@code HoldSold} events: the orders as the sale recorded them
     * @param refused    the log's {@code HoldSaleRefused}: payments that came too late and are owed back
     * @param authorized the log's {@code PaymentAuthorized}: what payment-service heard from the provider
     * @param provider   the charges: the provider's own record, or the log's account of it
     */
    public static Reconciliation reconcile(String saleId, Collection<LedgerOrder> ledger, Collection<HoldSold> sold,
                                           Collection<HoldSaleRefused> refused, Collection<PaymentAuthorized> authorized,
                                           Collection<ProviderCharge> provider) {
        List<Difference> found = new ArrayList<>();
        Set<String> authorizations = new HashSet<>();
        authorized.forEach(a -> authorizations.add(a.holdId() + " " + a.chargeId()));
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
            if (!authorizations.contains(event.holdId() + " " + event.chargeId())) {
                found.add(new Difference(Kind.SOLD_WITHOUT_PAYMENT, event.holdId(), event.chargeId(),
                        "no PaymentAuthorized for this hold and charge in the log"));
            }
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
        for (HoldSaleRefused r : byKey(refused, r -> r.holdId() + " " + r.chargeId()).values()) {
            ProviderCharge charge = r.chargeId() == null ? null : chargesById.get(r.chargeId());
            if (charge != null && charge.authorized() && charge.refundId() == null) {
                found.add(new Difference(Kind.REFUND_OWED, r.holdId(), r.chargeId(),
                        "hold ended before payment (" + r.reason() + ") and the charge is not refunded"));
            }
        }
        Map<String, String> seatOwner = new HashMap<>();
        for (HoldSold event : sold) {
            seatsOnce("HoldSold", event.holdId(), event.chargeId(), event.sectionId(), event.seats(), seatOwner, found);
        }
        Map<String, String> ledgerSeatOwner = new HashMap<>();
        for (LedgerOrder order : ledger) {
            seatsOnce("the ledger", order.orderId(), order.chargeId(), order.sectionId(), order.seats(), ledgerSeatOwner, found);
        }

        found.sort(Comparator.comparing(Difference::kind).thenComparing(d -> String.valueOf(d.holdId()))
                .thenComparing(d -> String.valueOf(d.chargeId())));
        List<ProviderCharge> keptAll = provider.stream().filter(c -> c.authorized() && c.refundId() == null).toList();
        return new Reconciliation(saleId, orders.size(), soldByHold.size(), keptAll.size(),
                provider.stream().filter(c -> c.refundId() != null).count(),
                orders.values().stream().mapToLong(LedgerOrder::amountCents).sum(),
                keptAll.stream().mapToLong(ProviderCharge::amountCents).sum(), found);
    }

    private static void seatsOnce(String where, String holdId, String chargeId, String sectionId, List<String> seats,
                                  Map<String, String> owners, List<Difference> found) {
        for (String seat : seats) {
            String previous = owners.putIfAbsent(sectionId + "/" + seat, holdId);
            if (previous != null && !previous.equals(holdId)) {
                found.add(new Difference(Kind.SEAT_SOLD_TWICE, holdId, chargeId,
                        "seat " + sectionId + "/" + seat + " also sold in " + previous + " (" + where + ")"));
            }
        }
    }

    private static <T> Map<String, T> byKey(Collection<T> items, java.util.function.Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            map.putIfAbsent(key.apply(item), item);
        }
        return map;
    }
}
