package io.floodgate.contracts.arrival;

import io.floodgate.contracts.EventMeta;

/**
 * A buyer asked to join a sale. A request, not yet a place: queue-service answers with
 * {@code BuyerQueued}. The same buyer arriving twice keeps the first place.
 *
 * @param accessCodeHash the hash of the access code the buyer gave ({@code AccessCodes#hash}), for an
 *                       invite-only sale; null otherwise (and in records from before access codes)
 */
public record BuyerArrived(EventMeta meta, String buyerId, String accessCodeHash) implements ArrivalEvent {

    /** An arrival without an access code. */
    public BuyerArrived(EventMeta meta, String buyerId) {
        this(meta, buyerId, null);
    }
}
