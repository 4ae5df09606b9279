package io.floodgate.contracts.sale;

import io.floodgate.contracts.EventMeta;

/** An operator created a sale. {@code operator} names who did it. */
public record SaleCreated(EventMeta meta, String operator, SaleConfig config) implements SaleEvent {
}
