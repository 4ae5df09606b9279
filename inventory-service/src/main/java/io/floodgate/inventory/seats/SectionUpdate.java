package io.floodgate.inventory.seats;

import io.floodgate.contracts.sale.SectionConfig;

/**
 * Internal: a sale's current terms, sent to one of its sections' owning task; or, {@code retired},
 * word that the sale ended longer ago than the retention, so the task forgets the section.
 */
public record SectionUpdate(SaleTerms sale, SectionConfig config, boolean retired) {
}
