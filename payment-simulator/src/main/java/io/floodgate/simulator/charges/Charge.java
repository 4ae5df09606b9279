package io.floodgate.simulator.charges;

import java.time.Instant;

/**
 * One charge as the provider records it: every charge attempt it decided, declined ones included.
 *
 * @param reference the merchant's reference for the charge (Floodgate sends the hold id)
 * @param requests  how many requests carried its idempotency key (retries and redeliveries show here)
 */
public record Charge(String chargeId, String idempotencyKey, String saleId, String reference, long amountCents,
                     String currency, String paymentMethod, ChargeStatus status, String declineReason,
                     Instant createdAt, Refund refund, int requests) {

    public boolean authorized() {
        return status == ChargeStatus.AUTHORIZED;
    }

    Charge refunded(Refund r) {
        return new Charge(chargeId, idempotencyKey, saleId, reference, amountCents, currency, paymentMethod, status,
                declineReason, createdAt, r, requests);
    }

    Charge askedAgain() {
        return new Charge(chargeId, idempotencyKey, saleId, reference, amountCents, currency, paymentMethod, status,
                declineReason, createdAt, refund, requests + 1);
    }

    /** Whether {@code other} asks for the same charge: a repeated key must not change the request. */
    boolean sameRequest(ChargeAttempt other) {
        return amountCents == other.amountCents() && currency.equals(other.currency())
                && paymentMethod.equals(other.paymentMethod()) && reference.equals(other.reference());
    }
}
