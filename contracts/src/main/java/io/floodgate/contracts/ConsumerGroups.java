package io.floodgate.contracts;

import java.util.List;

/**
 * The consumer groups Floodgate's services use (a Streams application id is one). Part of the
 * contract (docs/events.md): downstream systems must choose other groups, the console shows their
 * lag, deployments scale on it, and an import refuses a cluster where they exist.
 */
public final class ConsumerGroups {
    /** queue-service's Streams application. */
    public static final String QUEUE = "floodgate-queue";
    /** inventory-service's Streams application. */
    public static final String INVENTORY = "floodgate-inventory";
    /** payment-service: charges checkouts. */
    public static final String PAYMENTS = "floodgate-payments";
    /** payment-service: refunds payments that came after their hold ended. */
    public static final String REFUNDS = "floodgate-refunds";
    /** payment-service: writes sales into the orders ledger. */
    public static final String ORDERS_LEDGER = "floodgate-orders-ledger";

    public static final List<String> ALL = List.of(QUEUE, INVENTORY, PAYMENTS, REFUNDS, ORDERS_LEDGER);

    private ConsumerGroups() {
    }
}
