package io.floodgate.contracts.payment;

import io.floodgate.contracts.EventMeta;

/**
 * The provider refused to refund {@code chargeId} (for example, it does not know the charge).
 * The buyer is still owed the money: a person must act. Reconciliation lists it as a refund owed.
 */
public record PaymentRefundRefused(EventMeta meta, String holdId, String sectionId, String chargeId, String reason)
        implements PaymentEvent {
}
