package io.floodgate.contracts.payment;

import io.floodgate.contracts.EventMeta;

/** The provider declined the charge; nothing was taken from the buyer. */
public record PaymentDeclined(EventMeta meta, String holdId, String sectionId, String reason)
        implements PaymentEvent {
}
