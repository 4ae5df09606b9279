package io.floodgate.queue.line;

/**
 * A buyer's place: either a sequence (arrived after opening) or a pre-queue index (arrived
 * before; the sequence is drawn at opening), and the correlation id that follows them.
 *
 * @param sequence      1-based place, or 0 for a pre-queued buyer
 * @param preQueueIndex 0-based arrival index in the pre-queue, or -1
 */
public record QueuedBuyer(String buyerId, long sequence, long preQueueIndex, String correlationId) {
    public boolean preQueued() {
        return preQueueIndex >= 0;
    }
}
