package io.floodgate.contracts.checkoutanswer;

import io.floodgate.contracts.EventMeta;

/**
 * The checkout came for a hold that was no longer live (expired, released, sold, unknown): nothing
 * is charged. {@code reason} is {@code HOLD_<status>} or {@code UNKNOWN_HOLD}.
 */
public record CheckoutRefused(EventMeta meta, String holdId, String buyerId, String sectionId, String reason)
        implements CheckoutAnswer {
}
