package io.floodgate.contracts.hold;

import java.util.List;

/**
 * What a buyer whose hold was rejected is offered instead: specific free seats ({@code seats}) in
 * the same section, or {@code quantity} seats in another section (chosen when they accept).
 * An offer, not a hold: another buyer may take the seats first.
 */
public record Alternative(String sectionId, List<String> seats, int quantity, long amountCents) {
    public Alternative {
        seats = seats == null ? List.of() : List.copyOf(seats);
    }
}
