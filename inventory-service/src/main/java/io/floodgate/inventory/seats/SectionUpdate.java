package io.floodgate.inventory.seats;

import io.floodgate.contracts.sale.SaleState;
import io.floodgate.contracts.sale.SectionConfig;

/** Internal: a sale's current state, sent to each of its sections' owning task. */
public record SectionUpdate(SaleState sale, SectionConfig config) {
}
