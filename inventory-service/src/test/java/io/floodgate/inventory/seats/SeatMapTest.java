package io.floodgate.inventory.seats;

import io.floodgate.contracts.sale.SectionConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SeatMapTest {
    @Test
    void bestSeatsAreSideBySideInTheFrontMostRowThatHasThem() {
        SeatMap map = SeatMap.empty(3, 4).take(List.of(1, 6)); // row A: seat 2 taken; row B: seat 3 taken

        assertEquals(Optional.of(List.of(8, 9, 10)), map.best(3)); // row C is the first with 3 together
        assertEquals(Optional.of(List.of(2, 3)), map.best(2));     // row A, seats 3-4
    }

    @Test
    void whenNoRowHasEnoughTogetherTheFrontMostFreeSeatsAreGiven() {
        SeatMap map = SeatMap.empty(2, 3).take(List.of(1, 4));

        assertEquals(Optional.of(List.of(0, 2, 3)), map.best(3));
    }

    @Test
    void moreThanFreeIsRefused() {
        SeatMap map = SeatMap.empty(1, 3).take(List.of(0, 1));

        assertEquals(1, map.free());
        assertEquals(Optional.empty(), map.best(2));
        assertEquals(Optional.empty(), map.best(0));
    }

    @Test
    void releasedSeatsAreFreeAgain() {
        SeatMap map = SeatMap.empty(1, 3).take(List.of(0, 1, 2));

        SeatMap released = map.release(List.of(1));

        assertEquals(0, map.free());
        assertEquals(1, released.free());
        assertEquals(Optional.of(List.of(1)), released.best(1));
    }

    @Test
    void seatNamesRoundTrip() {
        SectionConfig assigned = new SectionConfig("f", "F", 30, 12, 100);
        SectionConfig standing = SectionConfig.generalAdmission("pit", "Pit", 500, 100);

        assertEquals("A-1", assigned.seatName(0));
        assertEquals("B-3", assigned.seatName(14));
        assertEquals("AA-12", assigned.seatName(26 * 12 + 11));
        assertEquals("GA-500", standing.seatName(499));
        for (int seat = 0; seat < assigned.capacity(); seat++) {
            assertEquals(seat, assigned.seatIndex(assigned.seatName(seat)));
        }
        assertEquals(-1, assigned.seatIndex("A-13"));
        assertEquals(-1, assigned.seatIndex("GA-1"));
        assertEquals(-1, standing.seatIndex("GA-501"));
        assertEquals(41, standing.seatIndex("GA-42"));
    }

    @Test
    void aSeatOutsideTheSectionIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> SeatMap.empty(1, 2).take(List.of(2)));
    }
}
