package io.floodgate.inventory.seats;

import io.floodgate.contracts.sale.SaleState;
import io.floodgate.contracts.sale.SectionConfig;

import java.time.Duration;
import java.util.List;

/** One sale's section as inventory-service owns it: the sale's state, the section and its seats. */
public record Section(SaleState sale, SectionConfig config, SeatMap seats) {

    public static Section open(SectionUpdate update) {
        return new Section(update.sale(), update.config(),
                SeatMap.empty(update.config().rows(), update.config().seatsPerRow()));
    }

    public String saleId() {
        return sale.saleId();
    }

    public String currency() {
        return sale.config().currency();
    }

    public Duration holdDuration() {
        return sale.config().holdDuration();
    }

    public Section withSeats(SeatMap changed) {
        return new Section(sale, config, changed);
    }

    public Section withSale(SaleState changed) {
        return new Section(changed, config, seats);
    }

    public List<String> names(List<Integer> chosen) {
        return chosen.stream().map(seats::name).toList();
    }

    public List<Integer> indexes(List<String> names) {
        return names.stream().map(seats::index).toList();
    }

    public long price(int quantity) {
        return config.priceCents() * quantity;
    }
}
