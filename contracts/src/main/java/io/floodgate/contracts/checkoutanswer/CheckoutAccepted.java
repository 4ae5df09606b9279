package io.floodgate.contracts.checkoutanswer;

import io.floodgate.contracts.EventMeta;

/**
 * The hold is in payment: it no longer expires, and payment-service charges {@code amountCents}
 * in {@code currency} (the hold's own, as inventory recorded them) with {@code paymentMethod}.
 */
public record CheckoutAccepted(EventMeta meta, String holdId, String buyerId, String sectionId, long amountCents,
                               String currency, String paymentMethod) implements CheckoutAnswer {
}
