package io.floodgate.contracts.hold;

import io.floodgate.contracts.EventMeta;

/**
 * No seats were held; {@code seatsAvailable} is the section's free count at that moment, and
 * {@code alternative}, when there is one, the best offer instead (null otherwise).
 */
public record HoldRejected(EventMeta meta, String holdId, String buyerId, String sectionId, int quantity,
                           RejectionReason reason, int seatsAvailable, Alternative alternative) implements HoldEvent {
}
