package io.floodgate.inventory.seats;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Which seats of a section are taken (held or sold). Seat {@code i} is row {@code i / seatsPerRow},
 * number {@code i % seatsPerRow + 1}. Immutable: every change returns a new map.
 *
 * @param taken the taken seats as {@link BitSet#toLongArray()} words
 */
public record SeatMap(int rows, int seatsPerRow, long[] taken) {

    public static SeatMap empty(int rows, int seatsPerRow) {
        return new SeatMap(rows, seatsPerRow, new long[0]);
    }

    public int capacity() {
        return rows * seatsPerRow;
    }

    public int free() {
        return capacity() - BitSet.valueOf(taken).cardinality();
    }

    /**
     * The best {@code quantity} free seats: side by side in the front-most row that has them,
     * else the front-most free seats. Empty when fewer are free.
     */
    public Optional<List<Integer>> best(int quantity) {
        if (quantity <= 0 || quantity > free()) {
            return Optional.empty();
        }
        BitSet bits = BitSet.valueOf(taken);
        for (int row = 0; row < rows; row++) {
            int run = 0;
            for (int n = 0; n < seatsPerRow; n++) {
                int seat = row * seatsPerRow + n;
                run = bits.get(seat) ? 0 : run + 1;
                if (run == quantity) {
                    List<Integer> seats = new ArrayList<>(quantity);
                    for (int s = seat - quantity + 1; s <= seat; s++) {
                        seats.add(s);
                    }
                    return Optional.of(seats);
                }
            }
        }
        List<Integer> scattered = new ArrayList<>(quantity);
        for (int s = bits.nextClearBit(0); scattered.size() < quantity; s = bits.nextClearBit(s + 1)) {
            scattered.add(s);
        }
        return Optional.of(scattered);
    }

    public boolean allFree(List<Integer> seats) {
        BitSet bits = BitSet.valueOf(taken);
        return seats.stream().allMatch(s -> s >= 0 && s < capacity() && !bits.get(s));
    }

    /** {@code quantity} free seats side by side in {@code row}, starting as near {@code nearSeat} as can be. */
    public Optional<List<Integer>> adjacentInRow(int row, int quantity, int nearSeat) {
        BitSet bits = BitSet.valueOf(taken);
        int first = row * seatsPerRow;
        List<Integer> best = null;
        for (int start = first; start + quantity <= first + seatsPerRow; start++) {
            int end = start + quantity;
            if (bits.get(start, end).isEmpty() && (best == null
                    || Math.abs(start - nearSeat) < Math.abs(best.get(0) - nearSeat))) {
                best = new ArrayList<>(quantity);
                for (int s = start; s < end; s++) {
                    best.add(s);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    public SeatMap take(List<Integer> seats) {
        return with(seats, true);
    }

    public SeatMap release(List<Integer> seats) {
        return with(seats, false);
    }


    private SeatMap with(List<Integer> seats, boolean value) {
        BitSet bits = BitSet.valueOf(taken);
        for (int seat : seats) {
            if (seat < 0 || seat >= capacity()) {
                throw new IllegalArgumentException("no seat " + seat + " in a section of " + capacity());
            }
            bits.set(seat, value);
        }
        return new SeatMap(rows, seatsPerRow, bits.toLongArray());
    }
}
