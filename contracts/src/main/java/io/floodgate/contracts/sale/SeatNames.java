package io.floodgate.contracts.sale;

/**
 * Public seat names: seat {@code i} of a section with {@code seatsPerRow} seats a row is row
 * {@code i / seatsPerRow} (A, B, ..., Z, AA, AB, ...), number {@code i % seatsPerRow + 1}: "B-7".
 * Each seat has exactly one name: {@code A-01}, {@code A-+1}, {@code a-1} and names with full-width digits
 * are no seat's name, so a name stands for one seat wherever seats are counted or compared.
 */
public final class SeatNames {
    private SeatNames() {
    }

    public static String name(int seat, int seatsPerRow) {
        return row(seat / seatsPerRow) + "-" + (seat % seatsPerRow + 1);
    }

    /** The inverse of {@link #name}; -1 for a name that is not the name of a seat of such a section. */
    public static int index(String name, int rows, int seatsPerRow) {
        int dash = name.indexOf('-');
        if (dash <= 0) {
            return -1;
        }
        long row = 0;
        for (int i = 0; i < dash; i++) {
            char c = name.charAt(i);
            if (c < 'A' || c > 'Z' || row > rows) {
                return -1;
            }
            row = row * 26 + (c - 'A' + 1);
        }
        long number = number(name.substring(dash + 1), seatsPerRow);
        if (row > rows || number < 0) {
            return -1;
        }
        return (int) ((row - 1) * seatsPerRow + number - 1);
    }

    /**
     * A place number written as {@link #name} writes it (ASCII digits, no sign, no leading zero), from 1 to
     * {@code max}; -1 otherwise.
     */
    public static int number(String digits, int max) {
        if (digits.isEmpty() || digits.charAt(0) == '0') {
            return -1;
        }
        long number = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9' || number > max) {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number <= max ? (int) number : -1;
    }

    public static String row(int row) {
        StringBuilder label = new StringBuilder();
        for (int r = row + 1; r > 0; r = (r - 1) / 26) {
            label.insert(0, (char) ('A' + (r - 1) % 26));
        }
        return label.toString();
    }
}
