package io.floodgate.simulator.http;

/** {@code POST /v1/charges}: {@code reference} is the merchant's own id for the charge. */
public record ChargeBody(String saleId, String reference, Long amountCents, String currency, String paymentMethod) {
}
