package io.floodgate.contracts.sale;

import io.floodgate.contracts.EventMeta;

/** An operator resumed a paused sale; time spent paused is added to every running window and hold. */
public record SaleResumed(EventMeta meta, String operator, String reason) implements SaleEvent {
}
