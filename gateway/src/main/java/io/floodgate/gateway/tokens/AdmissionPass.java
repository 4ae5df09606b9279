package io.floodgate.gateway.tokens;

import java.time.Instant;

/** Lets one buyer shop one sale until {@code expiresAt}: hold seats, check out, read orders. */
public record AdmissionPass(String saleId, String buyerId, long sequence, String correlationId, Instant expiresAt) {
}
