package io.floodgate.queue.line;

/** A buyer's place: their sequence, and the correlation id that follows them through the flow. */
public record QueuedBuyer(String buyerId, long sequence, String correlationId) {
}
