package io.floodgate.contracts.queue;

import io.floodgate.contracts.EventMeta;

import java.time.Duration;
import java.time.Instant;

/**
 * The buyer at {@code sequence} may shop until {@code windowEndsAt}, plus any time the sale spends
 * paused from now on: {@code pausedBefore} is how long it had been paused in all when they were
 * admitted, so the window's real end is {@code windowEndsAt + (paused total now − pausedBefore)}.
 * Buyers are admitted in sequence order, so the highest admitted sequence is the serving counter.
 */
public record BuyerAdmitted(EventMeta meta, String buyerId, long sequence, Instant windowEndsAt,
                            Duration pausedBefore) implements QueueEvent {
}
