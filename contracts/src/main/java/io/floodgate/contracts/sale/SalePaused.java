package io.floodgate.contracts.sale;

import io.floodgate.contracts.EventMeta;

/** An operator paused the sale: places are kept; no admission, admission window or hold expires until it resumes. */
public record SalePaused(EventMeta meta, String operator, String reason) implements SaleEvent {
}
