package io.floodgate.gateway.tokens;

import java.time.Duration;
import java.time.Instant;

/**
 * Lets one buyer shop one sale until {@code expiresAt}, plus the time the sale spends paused after
 * the pass was issued: {@code pausedBefore} is how long the sale had been paused in all by then
 * (absent in passes from before it was added: no time is added to those). A pause takes no time
 * from the buyer, so neither does it from their pass.
 */
public record AdmissionPass(String saleId, String buyerId, long sequence, String correlationId, Instant expiresAt,
                            Duration pausedBefore) {

    /** When the pass really expires, given the sale's paused total now. */
    public Instant expiresAt(Duration pausedUntilNow) {
        return pausedBefore == null ? expiresAt : expiresAt.plus(pausedUntilNow.minus(pausedBefore));
    }
}
