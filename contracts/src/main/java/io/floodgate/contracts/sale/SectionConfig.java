package io.floodgate.contracts.sale;

/**
 * One section of the venue, at one price. Either assigned seating, {@code rows} rows of
 * {@code seatsPerRow} seats named {@code <row letter(s)>-<number>} (e.g. {@code B-7}), or general
 * admission: a capacity of {@code seatsPerRow} places in one row, numbered {@code GA-1},
 * {@code GA-2}, ..., with no choice of place.
 */
public record SectionConfig(String id, String name, int rows, int seatsPerRow, long priceCents,
                            boolean generalAdmission) {

    private static final String GENERAL_ADMISSION = "GA-";

    /** Assigned seating. */
    public SectionConfig(String id, String name, int rows, int seatsPerRow, long priceCents) {
        this(id, name, rows, seatsPerRow, priceCents, false);
    }

    public static SectionConfig generalAdmission(String id, String name, int capacity, long priceCents) {
        return new SectionConfig(id, name, 1, capacity, priceCents, true);
    }

    public int capacity() {
        return rows * seatsPerRow;
    }

    /** Seat (or place) {@code i}'s public name. */
    public String seatName(int i) {
        return generalAdmission ? GENERAL_ADMISSION + (i + 1) : SeatNames.name(i, seatsPerRow);
    }

    /** The inverse of {@link #seatName}; -1 for a name that is not a seat's one name in this section. */
    public int seatIndex(String seat) {
        if (!generalAdmission) {
            return SeatNames.index(seat, rows, seatsPerRow);
        }
        if (!seat.startsWith(GENERAL_ADMISSION)) {
            return -1;
        }
        int number = SeatNames.number(seat.substring(GENERAL_ADMISSION.length()), capacity());
        return number < 0 ? -1 : number - 1;
    }
}
