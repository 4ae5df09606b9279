package io.floodgate.payment.reconcile;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.hold.HoldSaleRefused;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.contracts.payment.PaymentAuthorized;
import io.floodgate.payment.provider.ProviderCharge;
import io.floodgate.payment.reconcile.Difference.Kind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconcilerTest {
    private static final EventMeta META = EventMeta.of("sale", "c", "t", Instant.parse("2026-11-22T20:00:00Z"));

    private static HoldSold sold(String hold, String charge, String seat) {
        return new HoldSold(META, hold, "buyer-" + hold, "floor", List.of(seat), 5_000, "EUR", charge);
    }

    private static LedgerOrder order(String hold, String charge, long cents, String seat) {
        return new LedgerOrder(hold, charge, cents, "EUR", "floor", List.of(seat));
    }

    private static List<PaymentAuthorized> authorized(String... holdAndCharge) {
        List<PaymentAuthorized> out = new java.util.ArrayList<>();
        for (int i = 0; i < holdAndCharge.length; i += 2) {
            out.add(new PaymentAuthorized(META, holdAndCharge[i], "floor", holdAndCharge[i + 1], 5_000, "EUR"));
        }
        return out;
    }

    private static ProviderCharge charge(String charge, String hold, String refund) {
        return new ProviderCharge(charge, "sale", hold, 5_000, "EUR", true, refund);
    }

    @Test
    void agreeingRecordsReconcileCleanWithTotals() {
        Reconciliation r = Reconciler.reconcile("sale",
                List.of(order("h1", "ch1", 5_000, "A-1"), order("h2", "ch2", 5_000, "A-2")),
                List.of(sold("h1", "ch1", "A-1"), sold("h2", "ch2", "A-2")),
                List.of(new HoldSaleRefused(META, "h3", "b3", "floor", "ch3", "HOLD_EXPIRED")),
                authorized("h1", "ch1", "h2", "ch2", "h3", "ch3", "h1", "ch1"),
                List.of(charge("ch1", "h1", null), charge("ch2", "h2", null), charge("ch3", "h3", "re3"),
                        new ProviderCharge("ch4", "sale", "h4", 5_000, "EUR", false, null)));

        assertTrue(r.clean(), r.differences().toString());
        assertEquals(2, r.ordersInLedger());
        assertEquals(2, r.chargesKept());
        assertEquals(1, r.refunds());
        assertEquals(10_000, r.ledgerCents());
        assertEquals(10_000, r.providerCents());
    }

    @Test
    void everyKindOfDifferenceIsReported() {
        Reconciliation r = Reconciler.reconcile("sale",
                List.of(order("h1", "ch1", 5_000, "A-1"), // fine
                        order("h2", "ch-missing", 5_000, "A-2"), // order without charge
                        order("h5", "ch5", 4_000, "A-5"), // amount differs
                        order("h6", "ch6", 5_000, "A-6"), // no event
                        order("h10", "ch10", 5_000, "A-9"), // the event sold A-10
                        order("h11", "ch11", 5_000, "A-5")), // A-5 is in h5's row too
                List.of(sold("h1", "ch1", "A-1"), sold("h2", "ch-missing", "A-2"), sold("h5", "ch5", "A-5"),
                        sold("h7", "ch7", "A-1"), // not in ledger, and seat A-1 twice
                        sold("h10", "ch10", "A-10")),
                List.of(new HoldSaleRefused(META, "h8", "b8", "floor", "ch8", "HOLD_EXPIRED")), // not refunded
                authorized("h1", "ch1", "h2", "ch-missing", "h5", "ch5", "h10", "ch10", "h8", "ch8"), // h7 never authorized
                List.of(charge("ch1", "h1", null), charge("ch5", "h5", null), charge("ch6", "h6", null),
                        charge("ch7", "h7", null), charge("ch8", "h8", null),
                        charge("ch9", "h9", null), // charge without order
                        charge("ch10", "h10", null),
                        charge("ch1b", "h1", null))); // the same hold charged twice

        List<Kind> kinds = r.differences().stream().map(Difference::kind).toList();
        assertEquals(List.of(Kind.ORDER_WITHOUT_CHARGE, Kind.ORDER_WITHOUT_CHARGE, Kind.CHARGE_WITHOUT_ORDER,
                Kind.CHARGE_WITHOUT_ORDER, Kind.CHARGE_WITHOUT_ORDER, Kind.CHARGE_WITHOUT_ORDER, Kind.DOUBLE_CHARGE,
                Kind.AMOUNT_MISMATCH, Kind.ORDER_DIFFERS_FROM_EVENT, Kind.ORDER_DIFFERS_FROM_EVENT,
                Kind.SOLD_NOT_IN_LEDGER, Kind.ORDER_WITHOUT_EVENT, Kind.ORDER_WITHOUT_EVENT, Kind.SOLD_WITHOUT_PAYMENT,
                Kind.REFUND_OWED, Kind.SEAT_SOLD_TWICE, Kind.SEAT_SOLD_TWICE), kinds);
        assertEquals(List.of("h11", "h7"), r.differences().stream()
                .filter(d -> d.kind() == Kind.SEAT_SOLD_TWICE).map(Difference::holdId).toList());
        assertEquals(List.of("h1", "h7", "h8", "h9"), r.differences().stream()
                .filter(d -> d.kind() == Kind.CHARGE_WITHOUT_ORDER).map(Difference::holdId).toList());
    }
}
