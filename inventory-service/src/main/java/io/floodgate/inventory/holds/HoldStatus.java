package io.floodgate.inventory.holds;

public enum HoldStatus {
    ACTIVE, SOLD, EXPIRED, RELEASED
}
