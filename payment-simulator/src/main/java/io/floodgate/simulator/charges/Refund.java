package io.floodgate.simulator.charges;

import java.time.Instant;

/** A full refund of a charge. */
public record Refund(String refundId, String idempotencyKey, long amountCents, Instant createdAt) {
}
