package io.floodgate.inventory.seats;

import io.floodgate.contracts.hold.Alternative;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The best offer for a buyer who did not get what they asked for: seats side by side in the same
 * row as the ones they wanted, else the best seats left in the section, else as many seats in the
 * section nearest in price (cheaper first on a tie) that has them free.
 */
public final class Alternatives {
    /** Another section of the sale, as last published. */
    public record OtherSection(String sectionId, long priceCents, long free) {
    }

    private Alternatives() {
    }

    public static Optional<Alternative> forTakenSeats(Section section, List<Integer> wanted, List<OtherSection> others) {
        int row = wanted.get(0) / section.seats().seatsPerRow();
        return section.seats().adjacentInRow(row, wanted.size(), wanted.get(0))
                .or(() -> section.seats().best(wanted.size()))
                .map(seats -> inSection(section, seats))
                .or(() -> elsewhere(section, wanted.size(), others));
    }

    public static Optional<Alternative> forQuantity(Section section, int quantity, List<OtherSection> others) {
        return elsewhere(section, quantity, others);
    }

    private static Alternative inSection(Section section, List<Integer> seats) {
        return new Alternative(section.config().id(), section.names(seats), seats.size(), section.price(seats.size()));
    }

    private static Optional<Alternative> elsewhere(Section section, int quantity, List<OtherSection> others) {
        long price = section.config().priceCents();
        return others.stream()
                .filter(o -> !o.sectionId().equals(section.config().id()) && o.free() >= quantity)
                .min(Comparator.<OtherSection>comparingLong(o -> Math.abs(o.priceCents() - price))
                        .thenComparingLong(OtherSection::priceCents))
                .map(o -> new Alternative(o.sectionId(), List.of(), quantity, o.priceCents() * quantity));
    }
}
