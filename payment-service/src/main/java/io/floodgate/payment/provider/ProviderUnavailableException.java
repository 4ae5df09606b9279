package io.floodgate.payment.provider;

/**
 * The provider did not give an answer we can act on: down, overloaded, timed out. The call may
 * or may not have been carried out, so it is retried with the same idempotency key, never
 * treated as a decline.
 */
public final class ProviderUnavailableException extends RuntimeException {
    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProviderUnavailableException(String message) {
        super(message);
    }
}
