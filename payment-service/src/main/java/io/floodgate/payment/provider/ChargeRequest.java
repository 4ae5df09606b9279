package io.floodgate.payment.provider;

/**
 * One charge. The provider must treat a repeated {@code idempotencyKey} as the same charge and
 * answer with the first outcome, so retries and redeliveries never charge twice.
 */
public record ChargeRequest(String idempotencyKey, long amountCents, String currency, String paymentMethod) {
}
