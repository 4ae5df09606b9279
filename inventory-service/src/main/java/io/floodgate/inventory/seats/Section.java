package io.floodgate.inventory.seats;

import io.floodgate.contracts.sale.SectionConfig;

import java.time.Duration;
import java.util.List;

/** One sale's section as inventory-service owns it: its configuration and its seats. */
public record Section(String saleId, SectionConfig config, String currency, Duration holdDuration, SeatMap seats) {

    public static Section open(String saleId, SectionConfig config, String currency, Duration holdDuration) {
        return new Section(saleId, config, currency, holdDuration, SeatMap.empty(config.rows(), config.seatsPerRow()));
    }

    public Section withSeats(SeatMap changed) {
        return new Section(saleId, config, currency, holdDuration, changed);
    }

    public List<String> names(List<Integer> seats) {
        return seats.stream().map(this.seats::name).toList();
    }

    public List<Integer> indexes(List<String> names) {
        return names.stream().map(seats::index).toList();
    }

    public long price(int quantity) {
        return config.priceCents() * quantity;
    }
}
