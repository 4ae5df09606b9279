package io.floodgate.payment.provider;

/** What a provider answered to a charge. */
public sealed interface ChargeResult {
    record Authorized(String chargeId) implements ChargeResult {
    }

    record Declined(String reason) implements ChargeResult {
    }

    /**
     * The key was first used by another request for the same hold (a second checkout with another
     * card, say): that request decides, and its own call publishes the outcome.
     */
    record AlreadyRequested(String detail) implements ChargeResult {
    }
}
