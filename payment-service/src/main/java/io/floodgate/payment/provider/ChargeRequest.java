package io.floodgate.payment.provider;

/**
 * One charge. {@code reference} is our id for it (the hold id); {@code idempotencyKey} makes a
 * repeated request the same charge.
 */
public record ChargeRequest(String idempotencyKey, String saleId, String reference, long amountCents, String currency,
                            String paymentMethod) {
}
