package io.floodgate.contracts.hold;

import io.floodgate.contracts.EventMeta;

import java.util.List;

/** The hold ended without a sale (payment declined); its seats are free again. */
public record HoldReleased(EventMeta meta, String holdId, String buyerId, String sectionId, List<String> seats,
                           String reason) implements HoldEvent {
    public HoldReleased {
        seats = List.copyOf(seats);
    }
}
