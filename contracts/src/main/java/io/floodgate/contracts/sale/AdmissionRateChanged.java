package io.floodgate.contracts.sale;

import io.floodgate.contracts.EventMeta;

/** An operator changed how many buyers per second may be admitted. */
public record AdmissionRateChanged(EventMeta meta, String operator, String reason, int admissionRatePerSecond) implements SaleEvent {
}
