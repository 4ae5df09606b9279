package io.floodgate.contracts.hold;

import io.floodgate.contracts.EventMeta;

import java.time.Instant;
import java.util.List;

/** Seats are held for the buyer until {@code expiresAt}; {@code amountCents} is what checkout will charge. */
public record HoldPlaced(EventMeta meta, String holdId, String buyerId, String sectionId, List<String> seats,
                         long amountCents, String currency, Instant expiresAt) implements HoldEvent {
    public HoldPlaced {
        seats = List.copyOf(seats);
    }
}
