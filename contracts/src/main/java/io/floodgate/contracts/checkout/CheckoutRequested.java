package io.floodgate.contracts.checkout;

import io.floodgate.contracts.EventMeta;

/**
 * The buyer asked to pay {@code amountCents} for their hold with {@code paymentMethod}
 * (an opaque token from the payment provider's client side, never card data).
 */
public record CheckoutRequested(EventMeta meta, String holdId, String buyerId, String sectionId, long amountCents,
                                String currency, String paymentMethod) implements CheckoutEvent {
}
