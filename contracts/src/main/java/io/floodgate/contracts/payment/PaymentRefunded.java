package io.floodgate.contracts.payment;

import io.floodgate.contracts.EventMeta;

/**
 * The provider refunded charge {@code chargeId} in full: the answer to a {@code HoldSaleRefused}
 * (a payment that arrived for a hold that had already ended). Published at least once per refund.
 */
public record PaymentRefunded(EventMeta meta, String holdId, String sectionId, String chargeId, String refundId)
        implements PaymentEvent {
}
