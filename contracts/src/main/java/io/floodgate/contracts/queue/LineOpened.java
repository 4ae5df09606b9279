package io.floodgate.contracts.queue;

import io.floodgate.contracts.EventMeta;

/**
 * The sale opened. The {@code preQueueSize} buyers who arrived before take places 1 to
 * {@code preQueueSize} in the order drawn from {@code seed} by {@code permutation} (see
 * {@link SeededPermutation}); everyone after is first come, first served. {@code nonce} reveals,
 * with the seed, what {@link DrawCommitted} committed to; null in records from before commitments.
 */
public record LineOpened(EventMeta meta, long seed, long preQueueSize, String permutation, String nonce)
        implements QueueEvent {
}
