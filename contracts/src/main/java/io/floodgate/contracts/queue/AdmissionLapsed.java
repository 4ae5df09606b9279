package io.floodgate.contracts.queue;

import io.floodgate.contracts.EventMeta;

/**
 * The buyer at {@code sequence} let their admission window pass without holding seats: they are
 * no longer an active shopper and their capacity goes to the next in line. No-shows never stall
 * the line.
 */
public record AdmissionLapsed(EventMeta meta, String buyerId, long sequence) implements QueueEvent {
}
