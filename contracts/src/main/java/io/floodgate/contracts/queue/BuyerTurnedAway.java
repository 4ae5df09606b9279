package io.floodgate.contracts.queue;

import io.floodgate.contracts.EventMeta;

/**
 * A buyer's arrival was refused a place (an invite-only sale's access code was missing, unknown or
 * used by someone else). Nothing about the line changed; {@code meta.causationId} is the arrival.
 */
public record BuyerTurnedAway(EventMeta meta, String buyerId, TurnedAwayReason reason) implements QueueEvent {
}
