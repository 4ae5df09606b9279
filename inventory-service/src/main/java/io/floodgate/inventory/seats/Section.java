package io.floodgate.inventory.seats;

import io.floodgate.contracts.sale.SectionConfig;

import java.time.Duration;
import java.util.List;

/**
 * One sale's section as inventory-service owns it: the sale's terms, the section, its seats (taken
 * means held or sold) and how many of them are sold. Its size is the section's, whatever the sale's.
 */
public record Section(SaleTerms sale, SectionConfig config, SeatMap seats, long sold) {

    public static Section open(SectionUpdate update) {
        return new Section(update.sale(), update.config(),
                SeatMap.empty(update.config().rows(), update.config().seatsPerRow()), 0);
    }

    public long held() {
        return seats.capacity() - seats.free() - sold;
    }

    public Section withSold(long more) {
        return new Section(sale, config, seats, sold + more);
    }

    public String saleId() {
        return sale.saleId();
    }

    public String currency() {
        return sale.currency();
    }

    public Duration holdDuration() {
        return sale.holdDuration();
    }

    public Section withSeats(SeatMap changed) {
        return new Section(sale, config, changed, sold);
    }

    public Section withSale(SaleTerms changed) {
        return new Section(changed, config, seats, sold);
    }

    public List<String> names(List<Integer> chosen) {
        return chosen.stream().map(config::seatName).toList();
    }

    /** Seat indexes of {@code names}; -1 for a name not in the section. */
    public List<Integer> indexes(List<String> names) {
        return names.stream().map(config::seatIndex).toList();
    }

    public long price(int quantity) {
        return config.priceCents() * quantity;
    }
}
