package io.floodgate.payment.reconcile;

/**
 * One way the three records of a sale disagree.
 *
 * @param holdId   the hold (= order id) concerned, if known
 * @param chargeId the provider's charge concerned, if any
 */
public record Difference(Kind kind, String holdId, String chargeId, String detail) {
    /** What disagrees, and so what someone has to do about it. */
    public enum Kind {
        /** The ledger has an order whose charge the provider does not hold (or holds refunded): goods without payment. */
        ORDER_WITHOUT_CHARGE,
        /** The provider kept money for which there is no order: a buyer paid for nothing. */
        CHARGE_WITHOUT_ORDER,
        /** The same hold was charged more than once at the provider. */
        DOUBLE_CHARGE,
        /** Order and charge amounts (or currencies) differ. */
        AMOUNT_MISMATCH,
        /** The ledger's order differs from its HoldSold (amount, currency or seats). */
        ORDER_DIFFERS_FROM_EVENT,
        /** The ledger names another charge than the sale's event does. */
        CHARGE_ID_MISMATCH,
        /** A sale in the events is missing from the ledger (the projection is behind or failed). */
        SOLD_NOT_IN_LEDGER,
        /** The ledger has an order no event explains. */
        ORDER_WITHOUT_EVENT,
        /** The log sold a hold without a {@code PaymentAuthorized} for it and its charge. */
        SOLD_WITHOUT_PAYMENT,
        /** A payment that came too late was not refunded at the provider. */
        REFUND_OWED,
        /** One seat was sold in two orders (by the log's HoldSold, or by the ledger's rows). */
        SEAT_SOLD_TWICE
    }
}
