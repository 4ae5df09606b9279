package io.floodgate.gateway.tokens;

import java.time.Instant;

/**
 * The identity the gateway issues a buyer in anonymous mode, signed like every other token, so
 * every instance sharing {@code floodgate.tokens.secret} accepts it (and a key rotation keeps it).
 */
public record AnonymousIdentity(String buyerId, Instant expiresAt) {
}
