package io.floodgate.contracts.hold;

import io.floodgate.contracts.EventMeta;

import java.time.Instant;

/** The sale was paused while the hold was live: it now expires at {@code expiresAt}, later by the pause. */
public record HoldExtended(EventMeta meta, String holdId, String buyerId, String sectionId, Instant expiresAt)
        implements HoldEvent {
}
