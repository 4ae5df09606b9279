package io.floodgate.payment.provider;

/** A payment provider. Implementations must honour the idempotency key (see {@link ChargeRequest}). */
public interface PaymentProvider {
    ChargeResult charge(ChargeRequest request);
}
