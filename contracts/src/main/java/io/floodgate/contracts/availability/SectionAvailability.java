package io.floodgate.contracts.availability;

import io.floodgate.contracts.EventMeta;

/**
 * A section's seats at {@code meta.occurredAt}. {@code taken} marks the seats held or sold, as
 * the 64-bit words of a bit set (seat i is bit i % 64 of word i / 64, little-endian as
 * {@code java.util.BitSet#valueOf(long[])}); seat i is row i / seatsPerRow (A, B, ..., Z, AA, ...),
 * number i % seatsPerRow + 1 (general admission: one row of places GA-1, GA-2, ...).
 */
public record SectionAvailability(EventMeta meta, String sectionId, String name, long priceCents,
                                  boolean generalAdmission, int rows, int seatsPerRow, long free, long held, long sold,
                                  long[] taken)
        implements AvailabilityEvent {

    public long capacity() {
        return (long) rows * seatsPerRow;
    }
}
