package io.floodgate.audit.reconcile;

/**
 * One section's sales, by the event log and by the orders ledger. The two sides agree in a clean sale.
 *
 * @param seatsSold    seats in the log's {@code HoldSold} events
 * @param orders       {@code HoldSold} events
 * @param revenueCents their amounts
 */
public record SectionTotal(String sectionId, String name, long capacity, long seatsSold, long orders,
                           long revenueCents, long ledgerSeats, long ledgerOrders, long ledgerCents) {
}
