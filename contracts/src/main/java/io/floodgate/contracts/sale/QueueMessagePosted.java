package io.floodgate.contracts.sale;

import io.floodgate.contracts.EventMeta;

/** An operator posted a message every buyer of the sale sees (an empty message clears it). */
public record QueueMessagePosted(EventMeta meta, String operator, String message) implements SaleEvent {
}
