package io.floodgate.contracts.queue;

import io.floodgate.contracts.EventMeta;

import java.time.Instant;

/**
 * The buyer at {@code sequence} may shop until {@code windowEndsAt}. Buyers are admitted in
 * sequence order, so the highest admitted sequence is the sale's serving counter.
 */
public record BuyerAdmitted(EventMeta meta, String buyerId, long sequence, Instant windowEndsAt) implements QueueEvent {
}
