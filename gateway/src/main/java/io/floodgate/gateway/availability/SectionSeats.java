package io.floodgate.gateway.availability;

import io.floodgate.contracts.availability.SectionAvailability;
import io.floodgate.contracts.sale.SeatNames;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A section's seat map: every seat by row, free or taken, as of {@code asOf}. A general-admission
 * section has no seats to choose: no rows, only how many places are free.
 */
public record SectionSeats(String saleId, String sectionId, String name, long priceCents, boolean generalAdmission,
                           long free, Instant asOf, List<Row> rows) {

    public record Row(String row, List<Seat> seats) {
    }

    public record Seat(String seat, boolean free) {
    }

    public static SectionSeats of(SectionAvailability a) {
        BitSet taken = BitSet.valueOf(a.taken());
        List<Row> rows = new ArrayList<>(a.rows());
        for (int r = 0; r < (a.generalAdmission() ? 0 : a.rows()); r++) {
            List<Seat> seats = new ArrayList<>(a.seatsPerRow());
            for (int n = 0; n < a.seatsPerRow(); n++) {
                int seat = r * a.seatsPerRow() + n;
                seats.add(new Seat(SeatNames.name(seat, a.seatsPerRow()), !taken.get(seat)));
            }
            rows.add(new Row(SeatNames.row(r), seats));
        }
        return new SectionSeats(a.meta().saleId(), a.sectionId(), a.name(), a.priceCents(), a.generalAdmission(),
                a.free(), a.meta().occurredAt(), rows);
    }
}
