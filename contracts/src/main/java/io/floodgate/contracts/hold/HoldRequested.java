package io.floodgate.contracts.hold;

import io.floodgate.contracts.EventMeta;

/** An admitted buyer asks to hold {@code quantity} seats in a section. {@code holdId} is chosen by the asker. */
public record HoldRequested(EventMeta meta, String holdId, String buyerId, String sectionId, int quantity)
        implements HoldCommand {
}
