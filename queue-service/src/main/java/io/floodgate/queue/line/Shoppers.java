package io.floodgate.queue.line;

/**
 * Who is shopping in a sale now.
 *
 * @param active      admitted buyers who have neither bought, nor let their window pass with no hold
 * @param withoutHold the active ones with no live hold: each will need at least one free seat
 */
public record Shoppers(long active, long withoutHold) {
    public static final Shoppers NONE = new Shoppers(0, 0);

    public Shoppers admitted(long count) {
        return new Shoppers(active + count, withoutHold + count);
    }

    public Shoppers firstHold() {
        return new Shoppers(active, withoutHold - 1);
    }

    public Shoppers lastHoldEnded() {
        return new Shoppers(active, withoutHold + 1);
    }

    /** A shopper is done: bought, or their window passed with no live hold. */
    public Shoppers done(boolean hadHold) {
        return new Shoppers(active - 1, hadHold ? withoutHold : withoutHold - 1);
    }
}
