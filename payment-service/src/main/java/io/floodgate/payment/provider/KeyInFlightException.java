package io.floodgate.payment.provider;

/**
 * The provider answered that a request with the same idempotency key is still being processed
 * (HTTP 409 {@code idempotency_key_in_use}): the charge may be under way, perhaps sent by an
 * instance that crashed. Not an outage (the provider answers), and not an outcome: ask again.
 */
public final class KeyInFlightException extends RuntimeException {
    public KeyInFlightException(String message) {
        super(message);
    }
}
