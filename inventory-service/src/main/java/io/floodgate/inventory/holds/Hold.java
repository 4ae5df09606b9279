package io.floodgate.inventory.holds;

import java.util.List;

/** A hold as inventory-service remembers it, live or ended. */
public record Hold(String holdId, String saleId, String sectionId, String buyerId, List<String> seats,
                   long amountCents, String currency, long expiresAtMs, HoldStatus status, String chargeId,
                   String correlationId) {

    public Hold {
        seats = List.copyOf(seats);
    }

    public Hold expiringAt(long newExpiresAtMs) {
        return new Hold(holdId, saleId, sectionId, buyerId, seats, amountCents, currency, newExpiresAtMs, status, chargeId,
                correlationId);
    }

    public Hold ended(HoldStatus ending, String charge) {
        return new Hold(holdId, saleId, sectionId, buyerId, seats, amountCents, currency, expiresAtMs, ending, charge,
                correlationId);
    }
}
