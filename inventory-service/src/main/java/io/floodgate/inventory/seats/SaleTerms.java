package io.floodgate.inventory.seats;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleState;

import java.time.Duration;
import java.time.Instant;

/**
 * What a section's task needs of its sale's state: nothing that grows with the sale's other
 * sections, so each section's records stay the size of one section however many the sale has.
 */
public record SaleTerms(String saleId, String currency, Duration holdDuration, Instant pausedSince,
                        Duration pausedTotal, boolean closed) {

    public static SaleTerms of(SaleState sale) {
        return new SaleTerms(sale.saleId(), sale.config().currency(), sale.config().holdDuration(), sale.pausedSince(),
                sale.pausedTotal(), sale.closed());
    }

    /** Also reads the whole {@link SaleState} that sections stored before: its currency and hold duration. */
    @JsonCreator
    static SaleTerms read(@JsonProperty("saleId") String saleId, @JsonProperty("currency") String currency,
                          @JsonProperty("holdDuration") Duration holdDuration,
                          @JsonProperty("pausedSince") Instant pausedSince,
                          @JsonProperty("pausedTotal") Duration pausedTotal, @JsonProperty("closed") boolean closed,
                          @JsonProperty("config") SaleConfig before) {
        return before == null ? new SaleTerms(saleId, currency, holdDuration, pausedSince, pausedTotal, closed)
                : new SaleTerms(saleId, before.currency(), before.holdDuration(), pausedSince, pausedTotal, closed);
    }

    public boolean paused() {
        return pausedSince != null;
    }
}
