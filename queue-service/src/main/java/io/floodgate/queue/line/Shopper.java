package io.floodgate.queue.line;

/**
 * One admitted buyer.
 *
 * @param windowEndsAtMs when their admission window ends, before any pause is added
 * @param pausedBeforeMs how long the sale had been paused when they were admitted
 * @param liveHolds      their holds that are neither sold nor ended
 * @param done           bought, or let the window pass with no hold
 */
public record Shopper(String buyerId, long sequence, long windowEndsAtMs, long pausedBeforeMs, int liveHolds,
                      boolean done, String correlationId) {

    public Shopper withHolds(int holds) {
        return new Shopper(buyerId, sequence, windowEndsAtMs, pausedBeforeMs, holds, done, correlationId);
    }

    public Shopper finished() {
        return new Shopper(buyerId, sequence, windowEndsAtMs, pausedBeforeMs, liveHolds, true, correlationId);
    }

    /** The window's end with time the sale spent paused since admission added. */
    public long effectiveWindowEndMs(long pausedNowMs) {
        return windowEndsAtMs + (pausedNowMs - pausedBeforeMs);
    }
}
