package io.floodgate.gateway.buyer;

import io.floodgate.contracts.sale.SectionConfig;
import io.floodgate.gateway.view.SaleView;

import java.time.Instant;
import java.util.List;

/** What anyone may know of a sale: the same for every buyer, so cacheable. */
public record SaleInfo(String saleId, String name, Instant opensAt, String currency, int perBuyerLimit,
                       List<Section> sections, long inLine, long admittedThrough) {

    public record Section(String id, String name, int capacity, long priceCents) {
    }

    public static SaleInfo of(SaleView sale) {
        return new SaleInfo(sale.saleId(), sale.config().name(), sale.config().opensAt(), sale.config().currency(),
                sale.config().perBuyerLimit(),
                sale.config().sections().stream().map(SaleInfo::section).toList(),
                sale.lastSequence(), sale.admittedThrough());
    }

    private static Section section(SectionConfig s) {
        return new Section(s.id(), s.name(), s.capacity(), s.priceCents());
    }
}
