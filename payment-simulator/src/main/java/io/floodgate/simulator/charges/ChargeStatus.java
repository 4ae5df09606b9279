package io.floodgate.simulator.charges;

public enum ChargeStatus {
    AUTHORIZED, DECLINED
}
