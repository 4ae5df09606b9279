package io.floodgate.contracts.queue;

import io.floodgate.contracts.EventMeta;

/**
 * queue-service stored one {@code AccessCodesIssued} record ({@code meta.causationId}): from then on
 * its codes admit buyers.
 *
 * @param added      codes new to the sale
 * @param duplicates codes the sale had already
 * @param overLimit  codes not stored: the sale had its maximum (AccessCodes#MAX_PER_SALE)
 * @param issued     the sale's distinct codes now (only grows)
 */
public record AccessCodesAdded(EventMeta meta, int added, int duplicates, int overLimit, long issued)
        implements QueueEvent {
}
