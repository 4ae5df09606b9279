package io.floodgate.gateway.tokens;

/**
 * What a buyer carries to read their status without any per-buyer lookup: which sale, who, and
 * their place in line: a sequence, or for a buyer who arrived before opening their pre-queue
 * index (their sequence is drawn at opening). {@code correlationId} follows them through the flow.
 *
 * @param sequence      1-based place, or 0 while it is to be drawn
 * @param preQueueIndex 0-based pre-queue arrival index, or null
 */
public record VisitorTicket(String saleId, String buyerId, long sequence, Long preQueueIndex, String correlationId) {
}
