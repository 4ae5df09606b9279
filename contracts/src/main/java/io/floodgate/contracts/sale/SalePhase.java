package io.floodgate.contracts.sale;

/** Where a sale is in its life. */
public enum SalePhase {
    /** Before opening: arrivals wait in the pre-queue. */
    SCHEDULED,
    ON_SALE,
    PAUSED,
    /** Every seat is sold: nobody further back can be served. */
    SOLD_OUT,
    CLOSED
}
