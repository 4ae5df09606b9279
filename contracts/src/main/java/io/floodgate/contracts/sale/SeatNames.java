package io.floodgate.contracts.sale;

/**
 * Public seat names: seat {@code i} of a section with {@code seatsPerRow} seats a row is row
 * {@code i / seatsPerRow} (A, B, ..., Z, AA, AB, ...), number {@code i % seatsPerRow + 1}: "B-7".
 */
public final class SeatNames {
    private SeatNames() {
    }

    public static String name(int seat, int seatsPerRow) {
        return row(seat / seatsPerRow) + "-" + (seat % seatsPerRow + 1);
    }

    /** The inverse of {@link #name}; -1 for a name that is not a seat of such a section. */
    public static int index(String name, int rows, int seatsPerRow) {
        int dash = name.indexOf('-');
        if (dash <= 0 || dash == name.length() - 1) {
            return -1;
        }
        int row = 0;
        for (char c : name.substring(0, dash).toCharArray()) {
            if (c < 'A' || c > 'Z') {
                return -1;
            }
            row = row * 26 + (c - 'A' + 1);
        }
        int number;
        try {
            number = Integer.parseInt(name.substring(dash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
        if (row > rows || number < 1 || number > seatsPerRow) {
            return -1;
        }
        return (row - 1) * seatsPerRow + number - 1;
    }

    public static String row(int row) {
        StringBuilder label = new StringBuilder();
        for (int r = row + 1; r > 0; r = (r - 1) / 26) {
            label.insert(0, (char) ('A' + (r - 1) % 26));
        }
        return label.toString();
    }
}
