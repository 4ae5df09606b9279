package io.floodgate.contracts.sale;

/**
 * One section of the venue: {@code rows} rows of {@code seatsPerRow} assigned seats.
 * Seats are named {@code <row letter(s)>-<number>}, e.g. {@code B-7}.
 */
public record SectionConfig(String id, String name, int rows, int seatsPerRow, long priceCents) {
    public int capacity() {
        return rows * seatsPerRow;
    }
}
