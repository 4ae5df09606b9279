package io.floodgate.audit.replay;

/** What the replay counts minute by minute. */
public enum Tally {
    ARRIVALS, NEW_BUYERS, ADMITTED, LAPSED, HOLDS_PLACED, HOLDS_REJECTED, CHECKOUTS, SEATS_SOLD, ORDERS, HOLDS_EXPIRED,
    HOLDS_RELEASED, LATE_PAYMENTS
}
