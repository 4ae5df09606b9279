package io.floodgate.gateway.tokens;

/**
 * What a buyer carries to read their status without any per-buyer lookup: which sale, who, and
 * their place in line. {@code correlationId} follows them through the flow.
 */
public record VisitorTicket(String saleId, String buyerId, long sequence, String correlationId) {
}
