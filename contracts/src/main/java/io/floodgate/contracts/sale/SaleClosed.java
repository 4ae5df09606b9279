package io.floodgate.contracts.sale;

import io.floodgate.contracts.EventMeta;

/** An operator closed the sale for good: no more admissions or holds. */
public record SaleClosed(EventMeta meta, String operator, String reason) implements SaleEvent {
}
