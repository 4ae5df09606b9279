package io.floodgate.payment.provider;

/** What a provider answered to a charge. */
public sealed interface ChargeResult {
    record Authorized(String chargeId) implements ChargeResult {
    }

    /** A decline (HTTP 402): the card was refused. */
    record Declined(String reason) implements ChargeResult {
    }

    /**
     * The provider refused the request itself (HTTP 400, 404, 422, ...: an invalid or unknown
     * payment method, say): nothing was charged, and the same request can never succeed.
     */
    record Rejected(String reason) implements ChargeResult {
    }

    /**
     * The key was first used with other parameters: the provider will not say what it decided for
     * them in this answer, so the charge is looked up by its key.
     */
    record KeyConflict(String detail) implements ChargeResult {
    }
}
