package io.floodgate.contracts.hold;

import io.floodgate.contracts.EventMeta;

import java.util.List;

/**
 * An admitted buyer asks to hold {@code quantity} seats in a section: the best available, or,
 * when {@code seats} names them, exactly those. {@code holdId} is chosen by the asker.
 */
public record HoldRequested(EventMeta meta, String holdId, String buyerId, String sectionId, int quantity,
                            List<String> seats) implements HoldCommand {
    public HoldRequested {
        seats = seats == null ? List.of() : List.copyOf(seats);
    }
}
