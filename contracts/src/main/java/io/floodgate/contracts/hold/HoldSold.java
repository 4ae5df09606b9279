package io.floodgate.contracts.hold;

import io.floodgate.contracts.EventMeta;

import java.util.List;

/** Payment was authorized: the held seats are sold to the buyer. This is the order. */
public record HoldSold(EventMeta meta, String holdId, String buyerId, String sectionId, List<String> seats,
                       long amountCents, String currency, String chargeId) implements HoldEvent {
    public HoldSold {
        seats = List.copyOf(seats);
    }
}
