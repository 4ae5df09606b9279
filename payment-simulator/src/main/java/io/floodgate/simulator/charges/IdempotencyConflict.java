package io.floodgate.simulator.charges;

/** A key was reused for a different request: refused, as a real provider would. */
public final class IdempotencyConflict extends RuntimeException {
    public IdempotencyConflict(String message) {
        super(message);
    }
}
