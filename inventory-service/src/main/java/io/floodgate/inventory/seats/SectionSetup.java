package io.floodgate.inventory.seats;

import io.floodgate.contracts.sale.SectionConfig;

import java.time.Duration;

/** Internal: one section of a newly created sale, re-keyed to the section for its owning task. */
public record SectionSetup(String saleId, SectionConfig config, String currency, Duration holdDuration) {
}
