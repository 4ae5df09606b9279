package io.floodgate.inventory.seats;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.hold.Alternative;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SaleState;
import io.floodgate.contracts.sale.SectionConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlternativesTest {
    private static final SectionConfig FLOOR = new SectionConfig("floor", "Floor", 2, 6, 5000);

    private static Section floor(List<Integer> taken) {
        SaleState sale = SaleState.created(new SaleCreated(EventMeta.of("s", "c", "x", Instant.EPOCH), "ops",
                new SaleConfig("S", Instant.EPOCH, "EUR", 1, 1, Duration.ofMinutes(1), Duration.ofMinutes(1), 6,
                        List.of(FLOOR))));
        return Section.open(new SectionUpdate(SaleTerms.of(sale), FLOOR, false)).withSeats(SeatMap.empty(2, 6).take(taken));
    }

    @Test
    void firstSideBySideInTheSameRowNearestToTheSeatsWanted() {
        Section section = floor(List.of(1, 2, 3)); // taken: only are side by side in row A

        Optional<Alternative> offer = Alternatives.forTakenSeats(section, List.of(2, 3), List.of());

        assertEquals(List.of("A-5", "A-6"), offer.orElseThrow().seats());
        assertEquals(10_000, offer.orElseThrow().amountCents());
    }

    @Test
    void elseTheBestInTheSectionElseTheSectionNearestInPrice() {
        Section rowAFull = floor(List.of(0, 1, 2, 3, 4, 5));
        assertEquals(List.of("B-1", "B-2"), Alternatives.forTakenSeats(rowAFull, List.of(0, 1), List.of())
                .orElseThrow().seats());

        Section full = floor(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
        List<Alternatives.OtherSection> others = List.of(new Alternatives.OtherSection("vip", 9000, 10),
                new Alternatives.OtherSection("balcony", 3000, 10), new Alternatives.OtherSection("gallery", 4500, 1));
        Alternative elsewhere = Alternatives.forQuantity(full, 2, others).orElseThrow();
        assertEquals("balcony", elsewhere.sectionId(), "3000 is nearest to 5000 among sections with two free");
        assertEquals(List.of(), elsewhere.seats());
        assertEquals(6000, elsewhere.amountCents());
        assertEquals(Optional.empty(), Alternatives.forQuantity(full, 20, others));
    }
}
