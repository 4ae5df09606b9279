package io.floodgate.payment.provider;

/** What a provider answered. */
public sealed interface ChargeResult {
    record Authorized(String chargeId) implements ChargeResult {
    }

    record Declined(String reason) implements ChargeResult {
    }
}
