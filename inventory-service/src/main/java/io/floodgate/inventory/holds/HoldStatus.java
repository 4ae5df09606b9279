package io.floodgate.inventory.holds;

public enum HoldStatus {
    ACTIVE,
    /** Checkout started: the hold does not expire under a buyer whose payment is in progress. */
    PAYING,
    SOLD, EXPIRED, RELEASED;

    /** The seats are still the buyer's. */
    public boolean live() {
        return this == ACTIVE || this == PAYING;
    }
}
