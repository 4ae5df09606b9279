package io.floodgate.contracts.sale;

import io.floodgate.contracts.hold.HoldEvent;
import io.floodgate.contracts.hold.HoldExpired;
import io.floodgate.contracts.hold.HoldPlaced;
import io.floodgate.contracts.hold.HoldReleased;
import io.floodgate.contracts.hold.HoldSold;

/**
 * A sale's seats, counted from hold events: every service that needs the count folds the same
 * events with this one class.
 *
 * @param held seats in live holds (they may come back)
 * @param sold seats sold for good
 */
public record Stock(long capacity, long held, long sold) {

    public static Stock of(SaleConfig config) {
        return new Stock(config.sections().stream().mapToLong(SectionConfig::capacity).sum(), 0, 0);
    }

    public long free() {
        return capacity - held - sold;
    }

    /** Nothing is free and nothing held can come back: nobody still in line can be served. */
    public boolean soldOut() {
        return sold >= capacity;
    }

    public Stock apply(HoldEvent event) {
        if (event instanceof HoldPlaced placed) {
            return new Stock(capacity, held + placed.seats().size(), sold);
        }
        if (event instanceof HoldExpired expired) {
            return new Stock(capacity, held - expired.seats().size(), sold);
        }
        if (event instanceof HoldReleased released) {
            return new Stock(capacity, held - released.seats().size(), sold);
        }
        if (event instanceof HoldSold bought) {
            return new Stock(capacity, held - bought.seats().size(), sold + bought.seats().size());
        }
        return this;
    }
}
