package io.floodgate.contracts.sale;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeatNamesTest {
    private static final SectionConfig FLOOR = new SectionConfig("floor", "Floor", 30, 20, 5000);
    private static final SectionConfig PIT = SectionConfig.generalAdmission("pit", "Pit", 500, 4000);

    @Test
    void everySeatIsNamedOneWayAndThatNameLeadsBackToIt() {
        for (int seat = 0; seat < FLOOR.capacity(); seat++) {
            assertEquals(seat, FLOOR.seatIndex(FLOOR.seatName(seat)));
        }
        for (int place = 0; place < PIT.capacity(); place++) {
            assertEquals(place, PIT.seatIndex(PIT.seatName(place)));
        }
        assertEquals("AB-3", FLOOR.seatName(27 * 20 + 2));
    }

    @Test
    void otherSpellingsOfASeatAreNotItsName() {
        for (String spelling : List.of("A-01", "A-+1", "A-\uFF11", "a-1", "A-1 ", " A-1", "A- 1", "A-1.0", "A-",
                "-1", "A", "A--1", "A-0", "\uFF21-1", "A-99999999999999999999", "AAAAAAAAAAAAAAAAAAAAAAAAA-1")) {
            assertEquals(-1, FLOOR.seatIndex(spelling), spelling);
        }
        for (String spelling : List.of("GA-01", "GA-+1", "GA-\uFF11", "ga-1", "GA-0", "GA-", "GA-501", "GA--1")) {
            assertEquals(-1, PIT.seatIndex(spelling), spelling);
        }
    }

    @Test
    void namesBeyondTheSectionAreNoSeat() {
        assertEquals(-1, FLOOR.seatIndex("AE-1"), "row 31 of 30");
        assertEquals(-1, FLOOR.seatIndex("A-21"), "seat 21 of 20");
        assertEquals(30 * 20 - 1, FLOOR.seatIndex("AD-20"));
    }
}
