package io.floodgate.contracts.queue;

import io.floodgate.contracts.EventMeta;

/**
 * A buyer has place {@code sequence} (1-based, dense per sale) in the sale's line.
 * {@code repeated} is true when the buyer was already queued and keeps the earlier place.
 */
public record BuyerQueued(EventMeta meta, String buyerId, long sequence, boolean repeated) implements QueueEvent {
}
