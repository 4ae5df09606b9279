package io.floodgate.contracts.arrival;

import io.floodgate.contracts.EventMeta;

/**
 * A buyer asked to join a sale. A request, not yet a place: queue-service answers with
 * {@code BuyerQueued}. The same buyer arriving twice keeps the first place.
 */
public record BuyerArrived(EventMeta meta, String buyerId) implements ArrivalEvent {
}
