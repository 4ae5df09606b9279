package io.floodgate.simulator.charges;

/** What a merchant asks to charge. */
public record ChargeAttempt(String idempotencyKey, String saleId, String reference, long amountCents,
                            String currency, String paymentMethod) {
}
