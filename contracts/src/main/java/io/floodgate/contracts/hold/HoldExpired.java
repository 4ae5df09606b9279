package io.floodgate.contracts.hold;

import io.floodgate.contracts.EventMeta;

import java.util.List;

/** The hold's time ran out before payment; its seats are free again. */
public record HoldExpired(EventMeta meta, String holdId, String buyerId, String sectionId, List<String> seats)
        implements HoldEvent {
    public HoldExpired {
        seats = List.copyOf(seats);
    }
}
