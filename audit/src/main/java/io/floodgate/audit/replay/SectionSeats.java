package io.floodgate.audit.replay;

import io.floodgate.contracts.sale.SectionConfig;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** One section's seats as the replay rebuilds them, checking that no seat is held or sold twice. */
final class SectionSeats {
    private final SectionConfig config;
    private final Map<String, String> heldBy = new HashMap<>();
    private final Set<String> sold = new HashSet<>();
    private long seatsSoldTwice;
    /** Whether the timeline already says the section sold out. */
    boolean soldOutNoted;

    SectionSeats(SectionConfig config) {
        this.config = config;
    }

    SectionConfig config() {
        return config;
    }

    void hold(String holdId, List<String> seats, Consumer<String> inconsistency) {
        for (String seat : seats) {
            if (config.seatIndex(seat) < 0) {
                inconsistency.accept("hold " + holdId + " holds " + where(seat) + ", which is not a seat of the section");
            } else if (sold.contains(seat)) {
                inconsistency.accept("hold " + holdId + " holds " + where(seat) + ", which was already sold");
            } else {
                String other = heldBy.put(seat, holdId);
                if (other != null && !other.equals(holdId)) {
                    inconsistency.accept("hold " + holdId + " holds " + where(seat) + ", which hold " + other + " still held");
                }
            }
        }
    }

    void release(String holdId, List<String> seats) {
        seats.forEach(seat -> heldBy.remove(seat, holdId));
    }

    void sell(String holdId, List<String> seats, Consumer<String> inconsistency) {
        for (String seat : seats) {
            if (!heldBy.remove(seat, holdId)) {
                inconsistency.accept("hold " + holdId + " sold " + where(seat) + ", which it did not hold");
            }
            if (!sold.add(seat)) {
                seatsSoldTwice++;
                inconsistency.accept("hold " + holdId + " sold " + where(seat) + " a second time");
            }
        }
    }

    long seatsSold() {
        return sold.size() + seatsSoldTwice;
    }

    /** Seats sold beyond what the section has: sold twice, or more than its capacity. */
    long oversold() {
        return seatsSoldTwice + Math.max(0, sold.size() - config.capacity());
    }

    boolean soldOut() {
        return sold.size() >= config.capacity();
    }

    private String where(String seat) {
        return config.id() + "/" + seat;
    }
}
