package io.floodgate.payment.provider;

import java.util.List;

/**
 * A payment provider. Implementations must honour idempotency keys: a repeated key is the same
 * charge (or refund) and gets the first outcome back. A call that may or may not have reached
 * the provider throws {@link ProviderUnavailableException}; repeating it with the same key is safe.
 */
public interface PaymentProvider {
    /** The provider's name, as events and metrics show it. */
    String name();

    ChargeResult charge(ChargeRequest request);

    /** Refunds a charge in full. */
    RefundResult refund(RefundRequest request);

    /** The provider's own record of a sale's charges, for reconciliation. */
    List<ProviderCharge> charges(String saleId);
}
