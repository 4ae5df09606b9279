package io.floodgate.contracts.payment;

import io.floodgate.contracts.EventMeta;

/** The provider authorized the charge {@code chargeId}. May be published more than once for one hold. */
public record PaymentAuthorized(EventMeta meta, String holdId, String sectionId, String chargeId,
                                long amountCents, String currency) implements PaymentEvent {
}
