package io.floodgate.payment.provider;

import java.util.List;
import java.util.Optional;

/**
 * A payment provider. Implementations must honour idempotency keys: a repeated key is the same
 * charge (or refund) and gets the first outcome back. A call that may or may not have reached
 * the provider throws {@link ProviderUnavailableException}; repeating it with the same key is safe.
 */
public interface PaymentProvider {
    /** The provider's name, as events and metrics show it. */
    String name();

    /** @throws KeyInFlightException while another request with the same key is being processed */
    ChargeResult charge(ChargeRequest request);

    /** The charge first made under {@code idempotencyKey}, if the provider made one. */
    Optional<ProviderCharge> chargeByKey(String idempotencyKey);

    /** Refunds a charge in full. */
    RefundResult refund(RefundRequest request);

    /** The provider's own record of a sale's charges, for reconciliation. */
    List<ProviderCharge> charges(String saleId);
}
