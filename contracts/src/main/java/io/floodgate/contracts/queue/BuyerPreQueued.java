package io.floodgate.contracts.queue;

import io.floodgate.contracts.EventMeta;

/**
 * A buyer arrived before the sale opened and is the {@code preQueueIndex}-th (0-based) to do
 * so. Their place is drawn at opening ({@link LineOpened}): sequence = the seeded permutation of
 * {@code preQueueIndex}, plus one. {@code repeated} is true when they had arrived already.
 */
public record BuyerPreQueued(EventMeta meta, String buyerId, long preQueueIndex, boolean repeated)
        implements QueueEvent {
}
