package io.floodgate.payment.provider;

/**
 * A charge as the provider recorded it.
 *
 * @param authorized whether money was taken (false: declined)
 * @param refundId   the refund's id, or null if it was not refunded
 */
public record ProviderCharge(String chargeId, String saleId, String reference, long amountCents, String currency,
                             boolean authorized, String refundId) {
}
