package io.floodgate.gateway.availability;

import io.floodgate.contracts.availability.SectionAvailability;

import java.time.Instant;
import java.util.List;

/** Seats free, held and sold in each section, each as of when inventory-service last published it. */
public record SaleAvailability(String saleId, List<Section> sections) {

    public record Section(String id, String name, long priceCents, boolean generalAdmission, long capacity,
                          long free, long held, long sold, Instant asOf) {
        public static Section of(SectionAvailability a) {
            return new Section(a.sectionId(), a.name(), a.priceCents(), a.generalAdmission(), a.capacity(), a.free(),
                    a.held(), a.sold(), a.meta().occurredAt());
        }
    }
}
