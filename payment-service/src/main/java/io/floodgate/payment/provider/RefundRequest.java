package io.floodgate.payment.provider;

/** A full refund of {@code chargeId}; a repeated {@code idempotencyKey} refunds once. */
public record RefundRequest(String idempotencyKey, String chargeId) {
}
