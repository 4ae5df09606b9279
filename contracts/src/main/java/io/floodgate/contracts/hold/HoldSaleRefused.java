package io.floodgate.contracts.hold;

import io.floodgate.contracts.EventMeta;

/**
 * A payment was authorized for a hold that was no longer live (it had expired or been released),
 * so nothing was sold and the charge {@code chargeId} must be refunded.
 */
public record HoldSaleRefused(EventMeta meta, String holdId, String buyerId, String sectionId, String chargeId,
                              String reason) implements HoldEvent {
}
